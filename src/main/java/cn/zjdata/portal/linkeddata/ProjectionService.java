package cn.zjdata.portal.linkeddata;

import cn.zjdata.portal.catalog.Dataset;
import cn.zjdata.portal.catalog.DatasetRepository;
import cn.zjdata.portal.catalog.DatasetStatus;
import cn.zjdata.portal.catalog.Release;
import cn.zjdata.portal.catalog.ReleaseRepository;
import cn.zjdata.portal.publishing.FileStore;
import cn.zjdata.portal.publishing.OutboxEvent;
import cn.zjdata.portal.publishing.OutboxWorker;
import cn.zjdata.portal.publishing.ProjectionCursor;
import cn.zjdata.portal.publishing.ProjectionRetry;
import cn.zjdata.portal.publishing.PublishSteps;
import cn.zjdata.portal.publishing.Published;
import cn.zjdata.portal.publishing.TableProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the RDF store in step with the database and the file store. Nothing else writes to the store.
 * After each publish (and at start-up, to repair a crash between a commit and its projection) it applies
 * the outbox events after its cursor: the published dataset's graph and the catalog graph are rebuilt,
 * each in one write transaction, then the cursor moves and the dumps are rewritten. Applying an event
 * twice gives the same store, so a crash anywhere is repaired by running again. The store is compacted
 * after a full rebuild, and at start-up when it has doubled since its last compaction (never while the
 * server answers requests: compaction waits for every open read transaction).
 */
@ApplicationScoped
public class ProjectionService {

    public static final String CURSOR = "rdf";
    private static final Logger LOG = Logger.getLogger(ProjectionService.class);

    private final RdfStore store;
    private final RdfConfig config;
    private final Uris uris;
    private final CatalogProjector catalog;
    private final TableProjector tables;
    private final Vocabulary vocabulary;
    private final Dumps dumps;
    private final DatasetRepository datasets;
    private final ReleaseRepository releases;
    private final FileStore files;
    private final PublishSteps steps;
    /** Set once start-up has brought the store up to date; publishes before that are left to it. */
    private volatile boolean started;
    private final OutboxWorker worker = new OutboxWorker("rdf-projection");

    public ProjectionService(RdfStore store, RdfConfig config, Uris uris, CatalogProjector catalog, TableProjector tables,
                             Vocabulary vocabulary, Dumps dumps, DatasetRepository datasets, ReleaseRepository releases,
                             FileStore files, PublishSteps steps) {
        this.steps = steps;
        this.store = store;
        this.config = config;
        this.uris = uris;
        this.catalog = catalog;
        this.tables = tables;
        this.vocabulary = vocabulary;
        this.dumps = dumps;
        this.datasets = datasets;
        this.releases = releases;
        this.files = files;
    }

    /**
     * After the seed import (which observes start-up first): rebuild when asked to, when the store is empty,
     * or when the database has never been projected into this store (a new or restored database beside an
     * old store); otherwise repair by applying what the cursor has not seen.
     */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        try {
            boolean projectedBefore = QuarkusTransaction.requiringNew().call(() -> ProjectionCursor.findByIdOptional(CURSOR).isPresent());
            if (config.rebuildAtStart() || store.isEmpty() || !projectedBefore) {
                rebuildAll();
            } else {
                applyPending();
                // Only here, before the server takes requests: compaction waits for every open read transaction.
                store.compactIfGrown();
            }
        } catch (RuntimeException e) {
            // The catalog, API and downloads work from the database; the linked data catches up at the next publish or start.
            LOG.errorf(e, "The RDF projection could not be brought up to date at start-up");
        } finally {
            started = true;
        }
    }

    /** A publish or a withdrawal committed: project it in the background (during start-up, the start-up projection will). */
    void onPublished(@Observes Published event) {
        later(event.slug(), event.releaseNumber());
    }

    private void later(String slug, int releaseNumber) {
        if (!started) {
            return;
        }
        worker.submit(slug + " release " + releaseNumber, this::applyPending);
    }

    /** Waits until the background work submitted so far has run (tests use it to avoid racing the worker). */
    public void awaitIdle() {
        worker.awaitIdle();
    }

    /** Applies every outbox event after the cursor; returns how many. Safe to call from any thread. */
    public synchronized int applyPending() {
        List<OutboxEvent> pending = QuarkusTransaction.requiringNew().call(() -> ProjectionCursor.pendingFor(CURSOR));
        Set<String> slugs = QuarkusTransaction.requiringNew().call(() -> ProjectionRetry.toApply(CURSOR, pending));
        if (slugs.isEmpty()) {
            return 0;
        }
        long start = System.nanoTime();
        Set<String> applied = new LinkedHashSet<>();
        Set<String> failed = new LinkedHashSet<>();
        for (String slug : slugs) {
            (projectDatasetOrLog(slug) ? applied : failed).add(slug);
        }
        long datasetsDone = System.nanoTime();
        projectCatalog();
        QuarkusTransaction.requiringNew().run(() -> {
            ProjectionRetry.record(CURSOR, applied, failed);
            if (!pending.isEmpty()) {
                ProjectionCursor.advance(CURSOR, pending.getLast().id);
            }
        });
        long catalogDone = System.nanoTime();
        writeDumps();
        long dumpsDone = System.nanoTime();
        LOG.infof("RDF projection applied %d event(s) for %s%s; %d ms: dataset graphs %d ms, catalog graph %d ms, dumps %d ms",
                pending.size(), applied, failed.isEmpty() ? "" : "; " + failed + " failed and will be retried at the next change or start",
                (dumpsDone - start) / 1_000_000, (datasetsDone - start) / 1_000_000,
                (catalogDone - datasetsDone) / 1_000_000, (dumpsDone - catalogDone) / 1_000_000);
        return pending.size();
    }

    /**
     * Rebuilds the whole projection from the database and the files (the documented repair command). The
     * cursor is dropped, in its own committed transaction, before the store is cleared and written again
     * only once everything is projected: a crash half-way leaves no cursor, and the next start rebuilds.
     */
    public void rebuildAll() {
        rebuildAll(() -> { });
    }

    /** As {@link #rebuildAll()}, running {@code afterClear} once the store is empty (tests simulate a crash there). */
    synchronized void rebuildAll(Runnable afterClear) {
        long last = QuarkusTransaction.requiringNew().call(() -> {
            ProjectionCursor.deleteById(CURSOR);
            return ProjectionCursor.latestEventId();
        });
        store.write(DatasetGraph::clear);
        afterClear.run();
        store.write(d -> vocabulary.vocabulary().find().forEachRemaining(t -> d.add(uris.vocabularyGraph(), t.getSubject(), t.getPredicate(), t.getObject())));
        List<String> slugs = QuarkusTransaction.requiringNew().call(() -> datasets.list("status", DatasetStatus.PUBLISHED)
                .stream().map(d -> d.slug).sorted().toList());
        slugs.forEach(this::projectDatasetOrLog);
        projectCatalog();
        store.compact();
        QuarkusTransaction.requiringNew().run(() -> ProjectionCursor.advance(CURSOR, last));
        writeDumps();
        LOG.infof("RDF projection rebuilt: %d datasets", slugs.size());
    }

    private void projectCatalog() {
        Node graph = uris.catalogGraph();
        store.write(d -> {
            d.removeGraph(graph);
            catalog.project(new Emit((s, p, o) -> d.add(graph, s, p, o)));
        });
    }

    /**
     * One dataset that cannot be projected (its release file lost, say) must not hold back the others: its
     * graph stays as it was (the store transaction is aborted whole), the failure is logged, and its events
     * stay pending, to be tried again at the next change or start. Returns whether it was projected.
     */
    private boolean projectDatasetOrLog(String slug) {
        try {
            projectDataset(slug);
            return true;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Dataset %s could not be projected; its linked data stays as it was until it is retried", slug);
            return false;
        }
    }

    /** Replaces a dataset's graph by the projection of its current release (or removes it when unpublished). */
    private void projectDataset(String slug) {
        TableProjector.Table table = QuarkusTransaction.requiringNew().call(() -> {
            Dataset dataset = datasets.findBySlug(slug).orElse(null);
            if (dataset == null || dataset.status != DatasetStatus.PUBLISHED || dataset.currentReleaseId == null) {
                return null;
            }
            Release release = releases.findById(dataset.currentReleaseId);
            TableProfile profile = dataset.profile == null ? null : TableProfile.of(dataset.profile).orElse(null);
            return new TableProjector.Table(slug, release.number, files.path(release.fileSha256), release.schema(), profile);
        });
        Node graph = uris.datasetGraph(slug);
        store.write(d -> {
            d.removeGraph(graph);
            if (table != null) {
                try {
                    tables.project(table, new Emit((s, p, o) -> d.add(graph, s, p, o)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            steps.reached(PublishSteps.Step.PROJECTING, slug);
        });
    }

    private void writeDumps() {
        if (config.dumps()) {
            dumps.write();
        }
    }

    void stop(@Observes @Priority(Interceptor.Priority.APPLICATION - 100) ShutdownEvent event) {
        worker.stop(); // before the store closes
    }
}
