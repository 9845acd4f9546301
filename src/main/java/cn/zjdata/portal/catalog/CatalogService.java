package cn.zjdata.portal.catalog;

import cn.zjdata.portal.catalog.CatalogViews.DatasetDetail;
import cn.zjdata.portal.catalog.CatalogViews.DatasetSummary;
import cn.zjdata.portal.catalog.CatalogViews.ReleaseView;
import cn.zjdata.portal.common.NamedRef;
import cn.zjdata.portal.common.Page;
import cn.zjdata.portal.common.PageRequest;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.reference.Concept.Scheme;
import cn.zjdata.portal.reference.ReferenceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads of the catalog: dataset lists, datasets, releases. Writes go through the publishing service. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CatalogService {

    private final DatasetRepository datasets;
    private final ReleaseRepository releases;
    private final ReferenceService reference;
    private final DatasetMapper mapper;
    private final ChangeRepository changes;

    public CatalogService(DatasetRepository datasets, ReleaseRepository releases, ReferenceService reference,
                          DatasetMapper mapper, ChangeRepository changes) {
        this.datasets = datasets;
        this.releases = releases;
        this.reference = reference;
        this.mapper = mapper;
        this.changes = changes;
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

    /**
     * What happened to the catalog, newest first: every release published (withdrawn ones too, as history),
     * every release withdrawn and every dataset withdrawn, of the datasets that were ever published.
     */
    public Page<CatalogChange> listChanges(PageRequest page) {
        return Page.of(changes(changes.list(null, page)), page, changes.count(null));
    }

    /**
     * What happened to one dataset, newest first. A withdrawn dataset still answers with its history, the
     * withdrawal included; one never published is a 404 problem.
     */
    public Page<CatalogChange> listChanges(String slug, PageRequest page) {
        Dataset dataset = datasets.findBySlug(slug)
                .filter(d -> d.status == DatasetStatus.PUBLISHED || d.status == DatasetStatus.WITHDRAWN)
                .orElseThrow(() -> ProblemException.notFound("dataset", slug));
        return Page.of(changes(changes.list(dataset.id, page)), page, changes.count(dataset.id));
    }

    private List<CatalogChange> changes(List<ChangeRepository.Event> events) {
        Map<Long, Dataset> byId = new HashMap<>();
        List<Long> datasetIds = events.stream().map(ChangeRepository.Event::datasetId).distinct().toList();
        if (!datasetIds.isEmpty()) {
            datasets.list("id in ?1", datasetIds).forEach(d -> byId.put(d.id, d));
        }
        Map<Long, Release> releaseById = new HashMap<>();
        List<Long> releaseIds = events.stream().map(ChangeRepository.Event::releaseId).filter(Objects::nonNull).toList();
        if (!releaseIds.isEmpty()) {
            releases.list("id in ?1", releaseIds).forEach(r -> releaseById.put(r.id, r));
        }
        Map<String, NamedRef> publishers = new HashMap<>();
        return events.stream().map(e -> {
            Dataset d = byId.get(e.datasetId());
            NamedRef publisher = publishers.computeIfAbsent(d.publisherId, id -> reference.findPublisher(id)
                    .map(p -> new NamedRef(p.id, p.name())).orElse(new NamedRef(id, null)));
            Release r = e.releaseId() == null ? null : releaseById.get(e.releaseId());
            return switch (e.kind()) {
                case RELEASE_PUBLISHED -> new CatalogChange(e.kind(), d.slug, d.title(), publisher, r.number, r.issuedAt,
                        r.changeNote, r.rowCount);
                case RELEASE_WITHDRAWN -> new CatalogChange(e.kind(), d.slug, d.title(), publisher, r.number, r.withdrawnAt,
                        r.withdrawalReason, 0);
                case DATASET_WITHDRAWN -> new CatalogChange(e.kind(), d.slug, d.title(), publisher, 0, d.withdrawnAt,
                        d.withdrawalReason, 0);
            };
        }).toList();
    }

    public DatasetDetail show(String slug) {
        Dataset dataset = published(slug);
        return mapper.detail(dataset, current(dataset), releases.listFor(dataset.id));
    }

    public ReleaseView showRelease(String slug, int number) {
        return mapper.release(slug, release(slug, number));
    }

    /** A published dataset; a 410 problem when it was withdrawn, a 404 problem when there is none. */
    public Dataset published(String slug) {
        Dataset dataset = datasets.findBySlug(slug)
                .filter(d -> d.status == DatasetStatus.PUBLISHED || d.status == DatasetStatus.WITHDRAWN)
                .orElseThrow(() -> ProblemException.notFound("dataset", slug));
        if (dataset.status == DatasetStatus.WITHDRAWN) {
            throw ProblemException.gone("Dataset " + slug + " was withdrawn"
                    + (dataset.withdrawnAt == null ? "" : " on " + dataset.withdrawnAt.toString().substring(0, 10))
                    + (dataset.withdrawalReason == null ? "" : ": " + dataset.withdrawalReason));
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
