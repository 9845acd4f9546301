package cn.zjdata.portal.catalog;

import cn.zjdata.portal.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Queries over datasets. */
@ApplicationScoped
public class DatasetRepository implements PanacheRepository<Dataset> {

    public Optional<Dataset> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** Published datasets matching the filter, ordered by title, one page of them. */
    public List<Dataset> search(DatasetFilter filter, PageRequest page) {
        Query query = query(filter);
        return find("from Dataset d where " + query.where + " order by d.titleZh, d.slug", query.parameters)
                .range(page.offset(), page.offset() + page.size() - 1)
                .list();
    }

    public long count(DatasetFilter filter) {
        Query query = query(filter);
        return count("from Dataset d where " + query.where, query.parameters);
    }

    private record Query(String where, Parameters parameters) {
    }

    private static Query query(DatasetFilter filter) {
        StringBuilder where = new StringBuilder("d.status = :published");
        Parameters parameters = Parameters.with("published", DatasetStatus.PUBLISHED);
        if (filter.theme() != null) {
            where.append(" and :theme member of d.themes");
            parameters.and("theme", filter.theme());
        }
        if (filter.publisher() != null) {
            where.append(" and d.publisherId = :publisher");
            parameters.and("publisher", filter.publisher());
        }
        if (filter.keyword() != null) {
            where.append(" and exists (select 1 from Dataset k join k.keywords kw where k = d and lower(kw.text) = :keyword)");
            parameters.and("keyword", filter.keyword().toLowerCase(Locale.ROOT));
        }
        if (filter.text() != null) {
            where.append(" and (lower(d.titleZh) like :text escape '\\' or lower(d.titleEn) like :text escape '\\'"
                    + " or lower(d.descriptionZh) like :text escape '\\' or lower(d.descriptionEn) like :text escape '\\'"
                    + " or d.slug like :text escape '\\'"
                    + " or exists (select 1 from Dataset k join k.keywords kw where k = d and lower(kw.text) like :text escape '\\'))");
            parameters.and("text", "%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%");
        }
        return new Query(where.toString(), parameters);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
