package cn.zjdata.portal.search;

import cn.zjdata.portal.catalog.Dataset;
import cn.zjdata.portal.catalog.DatasetRepository;
import cn.zjdata.portal.catalog.DatasetStatus;
import cn.zjdata.portal.catalog.Release;
import cn.zjdata.portal.catalog.ReleaseRepository;
import cn.zjdata.portal.indicators.Indicator;
import cn.zjdata.portal.indicators.IndicatorRepository;
import cn.zjdata.portal.publishing.FileStore;
import cn.zjdata.portal.publishing.OutboxEvent;
import cn.zjdata.portal.publishing.OutboxWorker;
import cn.zjdata.portal.publishing.ProjectionCursor;
import cn.zjdata.portal.publishing.ProjectionRetry;
import cn.zjdata.portal.publishing.Published;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the search index in step with the database and the file store, as the RDF projection keeps its
 * store: after each publish or withdrawal (and at start-up, to repair a crash between a commit and its
 * indexing) it applies the outbox events after its own cursor ({@value #CURSOR}). Each affected dataset's
 * document is replaced by one built from its current release (or deleted when it is no longer published),
 * the plan indicators are re-indexed, all in one Lucene commit; only then does the cursor move. Applying
 * an event twice gives the same index, so a crash anywhere is repaired by running again.
 */
@ApplicationScoped
public class SearchIndexer {

    public static final String CURSOR = "search";
    private static final Logger LOG = Logger.getLogger(SearchIndexer.class);

    private final SearchIndex index;
    private final SearchConfig config;
    private final SearchDocuments documents;
    private final DatasetRepository datasets;
    private final ReleaseRepository releases;
    private final IndicatorRepository indicators;
    private final FileStore files;
    private volatile boolean started;
    private final OutboxWorker worker = new OutboxWorker("search-indexer");

    public SearchIndexer(SearchIndex index, SearchConfig config, SearchDocuments documents, DatasetRepository datasets,
                         ReleaseRepository releases, IndicatorRepository indicators, FileStore files) {
        this.index = index;
        this.config = config;
        this.documents = documents;
        this.datasets = datasets;
        this.releases = releases;
        this.indicators = indicators;
        this.files = files;
    }

    /** After the seed import and the RDF projection (which observe start-up first). */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1100) StartupEvent event) {
        try {
            bringUpToDate();
        } catch (RuntimeException e) {
            // The catalog works from the database; search catches up at the next publish or start.
            LOG.errorf(e, "The search index could not be brought up to date at start-up");
        } finally {
            started = true;
        }
    }

    /**
     * Rebuilds when asked to, when the index is missing or unreadable, or when the database has never been
     * indexed into it (a new or restored database beside an old index); otherwise applies what the cursor
     * has not seen.
     */
    synchronized void bringUpToDate() {
        boolean opened = index.open();
        index.takeRecreated();
        boolean indexedBefore = QuarkusTransaction.requiringNew().call(() -> ProjectionCursor.findByIdOptional(CURSOR).isPresent());
        if (config.rebuildAtStart() || !opened || !indexedBefore) {
            rebuildAll();
        } else {
            applyPending();
        }
    }

    void onPublished(@Observes Published event) {
        later(event.slug());
    }

    private void later(String slug) {
        if (!started) {
            return;
        }
        worker.submit(slug, () -> {
            if (index.takeRecreated()) {
                rebuildAll(); // the index was lost at run time: what the cursor has seen is gone too
            } else {
                applyPending();
            }
        });
    }

    /** Applies every outbox event after the cursor; returns how many. Safe to call from any thread. */
    public synchronized int applyPending() {
        List<OutboxEvent> pending = QuarkusTransaction.requiringNew().call(() -> ProjectionCursor.pendingFor(CURSOR));
        Set<String> slugs = QuarkusTransaction.requiringNew().call(() -> ProjectionRetry.toApply(CURSOR, pending));
        if (slugs.isEmpty()) {
            return 0;
        }
        long start = System.nanoTime();
        Set<String> failed = new LinkedHashSet<>();
        List<Indexed> built = new java.util.ArrayList<>();
        for (String slug : slugs) {
            buildOrLog(slug).ifPresentOrElse(built::add, () -> failed.add(slug));
        }
        List<Document> indicatorDocs = indicatorDocuments();
        long builtAt = System.nanoTime();
        index.write(writer -> {
            for (Indexed d : built) {
                Term key = new Term(SearchFields.KEY, SearchDocuments.key(SearchFields.DATASET, d.slug()));
                if (d.document() == null) {
                    writer.deleteDocuments(key);
                } else {
                    writer.updateDocument(key, d.document());
                }
            }
            replaceIndicators(writer, indicatorDocs);
        });
        List<String> applied = built.stream().map(Indexed::slug).toList();
        QuarkusTransaction.requiringNew().run(() -> {
            ProjectionRetry.record(CURSOR, applied, failed);
            if (!pending.isEmpty()) {
                ProjectionCursor.advance(CURSOR, pending.getLast().id);
            }
        });
        long done = System.nanoTime();
        LOG.infof("Search index applied %d event(s) for %s%s; %d ms: documents built %d ms, index written and committed %d ms",
                pending.size(), slugs, failed.isEmpty() ? "" : "; " + failed + " failed and will be retried at the next change or start",
                (done - start) / 1_000_000, (builtAt - start) / 1_000_000, (done - builtAt) / 1_000_000);
        return pending.size();
    }

    /**
     * Rebuilds the whole index from the database and the files (the documented repair command). The cursor
     * is dropped, in its own committed transaction, first; the index is replaced in one commit; the cursor
     * is set only after it: a crash half-way leaves no cursor, and the next start rebuilds.
     */
    public synchronized void rebuildAll() {
        long last = QuarkusTransaction.requiringNew().call(() -> {
            ProjectionCursor.deleteById(CURSOR);
            return ProjectionCursor.latestEventId();
        });
        index.open();
        List<String> slugs = QuarkusTransaction.requiringNew().call(() -> datasets.list("status", DatasetStatus.PUBLISHED)
                .stream().map(d -> d.slug).sorted().toList());
        Set<String> failed = new LinkedHashSet<>();
        List<Indexed> built = new java.util.ArrayList<>();
        for (String slug : slugs) {
            buildOrLog(slug).ifPresentOrElse(built::add, () -> failed.add(slug));
        }
        List<Document> indicatorDocs = indicatorDocuments();
        index.write(writer -> {
            writer.deleteAll();
            for (Indexed d : built) {
                if (d.document() != null) {
                    writer.addDocument(d.document());
                }
            }
            indicatorDocs.forEach(doc -> {
                try {
                    writer.addDocument(doc);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        });
        QuarkusTransaction.requiringNew().run(() -> ProjectionCursor.advance(CURSOR, last));
        LOG.infof("Search index rebuilt: %d datasets, %d indicators", built.size(), indicatorDocs.size());
    }

    /** A dataset's new document, or null when it is to be removed from the index. */
    private record Indexed(String slug, Document document) {
    }

    /**
     * One dataset that cannot be indexed (its release file lost, say) must not hold back the others: its
     * document stays as it was, the failure is logged, and its events stay pending, tried again at the next change or start.
     */
    private Optional<Indexed> buildOrLog(String slug) {
        try {
            return Optional.of(QuarkusTransaction.requiringNew().call(() -> build(slug)));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Dataset %s could not be indexed; its search entry stays as it was until a rebuild", slug);
            return Optional.empty();
        }
    }

    private Indexed build(String slug) throws IOException {
        Dataset dataset = datasets.findBySlug(slug).orElse(null);
        if (dataset == null || dataset.status != DatasetStatus.PUBLISHED) {
            return new Indexed(slug, null);
        }
        Release current = dataset.currentReleaseId == null ? null : releases.findById(dataset.currentReleaseId);
        return new Indexed(slug, documents.dataset(dataset, current, current == null ? null : files.path(current.fileSha256)));
    }

    private List<Document> indicatorDocuments() {
        return QuarkusTransaction.requiringNew().call(() -> indicators.listAll().stream().map(documents::indicator).toList());
    }

    private static void replaceIndicators(org.apache.lucene.index.IndexWriter writer, List<Document> docs) throws IOException {
        writer.deleteDocuments(new Term(SearchFields.TYPE, SearchFields.INDICATOR));
        for (Document doc : docs) {
            writer.addDocument(doc);
        }
    }

    /** Waits until the background indexing submitted so far has run (tests use it to avoid racing it). */
    public void awaitIdle() {
        worker.awaitIdle();
    }

    void stop(@Observes @Priority(Interceptor.Priority.APPLICATION - 100) ShutdownEvent event) {
        worker.stop(); // before the index closes
    }
}
