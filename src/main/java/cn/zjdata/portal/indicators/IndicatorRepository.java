package cn.zjdata.portal.indicators;

import cn.zjdata.portal.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Indicators and their observations. */
@ApplicationScoped
public class IndicatorRepository implements PanacheRepositoryBase<Indicator, String> {

    @Override
    public List<Indicator> listAll() {
        return listAll(Sort.by("position"));
    }

    public long observationCount(String code) {
        return getEntityManager()
                .createQuery("select count(o) from Observation o where o.indicatorCode = :code", Long.class)
                .setParameter("code", code)
                .getSingleResult();
    }

    /** Indicators in a category and/or named by a plan, in registry order, one page of them. */
    public List<Indicator> search(String category, String plan, PageRequest page) {
        Filter filter = filter(category, plan);
        return find("from Indicator i where " + filter.where + " order by i.position", filter.parameters)
                .range(page.offset(), page.offset() + page.size() - 1)
                .list();
    }

    public long count(String category, String plan) {
        Filter filter = filter(category, plan);
        return count("from Indicator i where " + filter.where, filter.parameters);
    }

    public List<Observation> observations(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return getEntityManager()
                .createQuery("from Observation o where o.indicatorCode in :codes order by o.period, o.id", Observation.class)
                .setParameter("codes", codes)
                .getResultList();
    }

    /**
     * Makes a registry dataset's indicators exactly the given ones (the caller checked that removed ones
     * are unobserved and that no other registry defines them).
     */
    public void replaceRegistry(long registryDatasetId, Collection<Indicator> incoming) {
        Set<String> codes = incoming.stream().map(i -> i.code).collect(Collectors.toSet());
        for (Indicator existing : list("datasetId", registryDatasetId)) {
            if (!codes.contains(existing.code)) {
                delete(existing);
            }
        }
        incoming.forEach(getEntityManager()::merge);
    }

    /** Replaces the observations derived from a dataset by those of its new release. */
    public void replaceObservations(long datasetId, List<Observation> observations) {
        getEntityManager().createQuery("delete from Observation o where o.datasetId = :id")
                .setParameter("id", datasetId)
                .executeUpdate();
        observations.forEach(getEntityManager()::persist);
    }

    private record Filter(String where, Parameters parameters) {
    }

    private static Filter filter(String category, String plan) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (category != null) {
            where.append(" and i.category = :category");
            parameters.and("category", category);
        }
        if (plan != null) {
            where.append(" and exists (select 1 from Observation o where o.indicatorCode = i.code and o.planId = :plan)");
            parameters.and("plan", plan);
        }
        return new Filter(where.toString(), parameters);
    }
}
