package cn.zjdata.portal.catalog;

import cn.zjdata.portal.catalog.CatalogChange.Kind;
import cn.zjdata.portal.common.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.List;

/**
 * The catalog's history as a list of events, read from the release and dataset records themselves (never
 * the staff-only audit log): every release of a dataset that was ever published, every withdrawn release
 * and every withdrawn dataset, newest first. The three kinds are one UNION ALL, so a page of 50 is one
 * ordered, limited query however long the history grows.
 */
@ApplicationScoped
public class ChangeRepository {

    /** One event: its kind, the dataset, and the release (null for a dataset's withdrawal). */
    public record Event(Kind kind, long datasetId, Long releaseId) {
    }

    /**
     * The events, with the columns that order them. {@code %1$s} is where the one-dataset condition goes.
     * At the same second a dataset's withdrawal comes before (is newer than) the withdrawal of its last
     * release, which caused it, and a withdrawal before a publish. A release's withdrawal is never listed
     * as older than its publish: a release published within a second of the previous one is issued a
     * second later (so If-Modified-Since always tells them apart), which can be after a quick withdrawal.
     */
    private static final String EVENTS = """
            select 'RELEASE_PUBLISHED' as kind, r.dataset_id as dataset_id, r.id as release_id,
                   r.issued_at as happened_at, 0 as tie, r.number as release_number
              from dataset_release r join dataset d on d.id = r.dataset_id
             where d.status in ('PUBLISHED', 'WITHDRAWN')%1$s
            union all
            select 'RELEASE_WITHDRAWN', r.dataset_id, r.id, greatest(r.withdrawn_at, r.issued_at), 1, r.number
              from dataset_release r join dataset d on d.id = r.dataset_id
             where r.status = 'WITHDRAWN' and r.withdrawn_at is not null and d.status in ('PUBLISHED', 'WITHDRAWN')%1$s
            union all
            select 'DATASET_WITHDRAWN', d.id, cast(null as bigint), d.withdrawn_at, 2, 0
              from dataset d
             where d.withdrawn_at is not null and d.status in ('PUBLISHED', 'WITHDRAWN')%1$s
            """;

    private static final String ONE_DATASET = " and d.id = :dataset";

    private final EntityManager entityManager;

    public ChangeRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One page of the events of the whole catalog (dataset null) or of one dataset, newest first. */
    public List<Event> list(Long dataset, PageRequest page) {
        Query query = entityManager.createNativeQuery("select e.kind, e.dataset_id, e.release_id from ("
                + events(dataset) + ") e order by e.happened_at desc, e.tie desc, e.dataset_id desc, e.release_number desc");
        bind(query, dataset);
        query.setFirstResult(page.offset());
        query.setMaxResults(page.size());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new Event(Kind.valueOf(row[0].toString().strip()), ((Number) row[1]).longValue(),
                row[2] == null ? null : ((Number) row[2]).longValue())).toList();
    }

    /** How many events there are in all (dataset null) or for one dataset. */
    public long count(Long dataset) {
        Query query = entityManager.createNativeQuery("select count(*) from (" + events(dataset) + ") e");
        bind(query, dataset);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static String events(Long dataset) {
        return EVENTS.formatted(dataset == null ? "" : ONE_DATASET);
    }

    private static void bind(Query query, Long dataset) {
        if (dataset != null) {
            query.setParameter("dataset", dataset);
        }
    }
}
