package cn.zjdata.portal.catalog;

import cn.zjdata.portal.catalog.CatalogViews.DatasetDetail;
import cn.zjdata.portal.catalog.CatalogViews.DatasetSummary;
import cn.zjdata.portal.catalog.CatalogViews.ReleaseView;
import cn.zjdata.portal.common.Page;
import cn.zjdata.portal.common.PageRequest;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.reference.Concept.Scheme;
import cn.zjdata.portal.reference.ReferenceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** Reads of the catalog: dataset lists, datasets, releases. Writes go through the publishing service. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CatalogService {

    private final DatasetRepository datasets;
    private final ReleaseRepository releases;
    private final ReferenceService reference;
    private final DatasetMapper mapper;

    public CatalogService(DatasetRepository datasets, ReleaseRepository releases, ReferenceService reference,
                          DatasetMapper mapper) {
        this.datasets = datasets;
        this.releases = releases;
        this.reference = reference;
        this.mapper = mapper;
    }

    public Page<DatasetSummary> list(DatasetFilter filter, PageRequest page) {
        if (filter.theme() != null && reference.findConcept(Scheme.THEME, filter.theme()).isEmpty()) {
            throw ProblemException.badParameter("theme", "'" + filter.theme() + "' is not a theme (see /api/themes)");
        }
        if (filter.publisher() != null && reference.findPublisher(filter.publisher()).isEmpty()) {
            throw ProblemException.badParameter("publisher", "'" + filter.publisher() + "' is not a publisher (see /api/publishers)");
        }
        List<DatasetSummary> items = datasets.search(filter, page).stream()
                .map(d -> mapper.summary(d, current(d)))
                .toList();
        return Page.of(items, page, datasets.count(filter));
    }

    /** How many datasets a publisher has published. */
    public long countByPublisher(String publisher) {
        return datasets.count(new DatasetFilter(null, publisher, null, null));
    }

    /** How many published datasets carry a theme. */
    public long countByTheme(String theme) {
        return datasets.count(new DatasetFilter(theme, null, null, null));
    }

    /** How many datasets are published. */
    public long countPublished() {
        return datasets.count(DatasetFilter.none());
    }

    /** A recent release and the dataset it belongs to. */
    public record RecentRelease(DatasetSummary dataset, ReleaseView release) {
    }

    /** The newest releases across the catalog, newest first. */
    public List<RecentRelease> latestReleases(int limit) {
        return releases.latestPublished(limit).stream().map(r -> {
            Dataset d = datasets.findById(r.datasetId);
            return new RecentRelease(mapper.summary(d, current(d)), mapper.release(d.slug, r));
        }).toList();
    }

    public DatasetDetail show(String slug) {
        Dataset dataset = published(slug);
        return mapper.detail(dataset, current(dataset), releases.listFor(dataset.id));
    }

    public ReleaseView showRelease(String slug, int number) {
        return mapper.release(slug, release(slug, number));
    }

    /** A published dataset; a 410 problem when it was withdrawn, a 404 problem when there is none (or a draft). */
    public Dataset published(String slug) {
        Dataset dataset = datasets.findBySlug(slug)
                .filter(d -> d.status == DatasetStatus.PUBLISHED || d.status == DatasetStatus.WITHDRAWN)
                .orElseThrow(() -> ProblemException.notFound("dataset", slug));
        if (dataset.status == DatasetStatus.WITHDRAWN) {
            throw ProblemException.gone("Dataset " + slug + " was withdrawn");
        }
        return dataset;
    }

    /** The current release of a dataset, or a 404 problem when it has none. */
    public Release latestRelease(String slug) {
        Dataset dataset = published(slug);
        if (dataset.currentReleaseId == null) {
            throw ProblemException.notFound("release of dataset", slug);
        }
        return releases.findById(dataset.currentReleaseId);
    }

    /** Release N of a dataset: 404 when there is none, 410 when it was withdrawn. */
    public Release release(String slug, int number) {
        Dataset dataset = published(slug);
        Release release = releases.findByNumber(dataset.id, number)
                .orElseThrow(() -> ProblemException.notFound("release of dataset " + slug, String.valueOf(number)));
        if (release.status == ReleaseStatus.WITHDRAWN) {
            throw ProblemException.gone("Release " + number + " of " + slug + " was withdrawn: " + release.withdrawalReason);
        }
        return release;
    }

    private Release current(Dataset d) {
        return d.currentReleaseId == null ? null : releases.findById(d.currentReleaseId);
    }
}
