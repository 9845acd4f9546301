package cn.zjdata.portal.catalog;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Queries over releases. */
@ApplicationScoped
public class ReleaseRepository implements PanacheRepository<Release> {

    public List<Release> listFor(long datasetId) {
        return list("datasetId = ?1 order by number desc", datasetId);
    }

    public Optional<Release> findByNumber(long datasetId, int number) {
        return find("datasetId = ?1 and number = ?2", datasetId, number).firstResultOptional();
    }

    /** The most recently issued published releases of published datasets, newest first. */
    public List<Release> latestPublished(int limit) {
        return find("status = ?1 and datasetId in (select d.id from Dataset d where d.status = ?2) order by issuedAt desc, id desc",
                ReleaseStatus.PUBLISHED, DatasetStatus.PUBLISHED).page(0, limit).list();
    }

    public int lastNumber(long datasetId) {
        Integer last = getEntityManager()
                .createQuery("select max(r.number) from Release r where r.datasetId = :id", Integer.class)
                .setParameter("id", datasetId)
                .getSingleResult();
        return last == null ? 0 : last;
    }
}
