package cn.zjdata.portal.linkeddata;

import cn.zjdata.portal.publishing.OutboxEvent;
import cn.zjdata.portal.publishing.ProjectionCursor;
import cn.zjdata.portal.support.SyntheticDatasets;
import cn.zjdata.portal.tabular.Datatype;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@Tag("database")
class ProjectionServiceTest {

    @Inject
    ProjectionService projection;
    @Inject
    RdfStore store;
    @Inject
    Uris uris;
    @Inject
    SyntheticDatasets synthetic;
    @Inject
    Dumps dumps;

    private String publishSynthetic() {
        String slug = SyntheticDatasets.newSlug("rdf");
        synthetic.publish(SyntheticDatasets.metadata(slug, List.of(
                SyntheticDatasets.column("年份", Datatype.YEAR, true),
                SyntheticDatasets.column("数值", Datatype.DECIMAL, false))), "年份,数值\n2020,1.50\n2021,\n");
        projection.applyPending();
        return slug;
    }

    @Test
    void aPublishedReleaseReachesTheStoreWithItsRowsAsTypedLiterals() {
        String slug = publishSynthetic();
        Node row = NodeFactory.createURI(uris.base() + "api/datasets/" + slug + "/releases/1/data.csv#row=2");
        Node value = NodeFactory.createURI(uris.base() + "api/datasets/" + slug + "/data.csv#%E6%95%B0%E5%80%BC");
        store.read(d -> {
            var found = d.find(uris.datasetGraph(slug), row, value, Node.ANY).next().getObject();
            assertEquals(0, new java.math.BigDecimal("1.50").compareTo(new java.math.BigDecimal(found.getLiteralLexicalForm())),
                    "the cell's value (the store keeps decimals in canonical form)");
            assertEquals("http://www.w3.org/2001/XMLSchema#decimal", found.getLiteralDatatypeURI());
            Node emptyRow = NodeFactory.createURI(uris.base() + "api/datasets/" + slug + "/releases/1/data.csv#row=3");
            assertFalse(d.find(uris.datasetGraph(slug), emptyRow, value, Node.ANY).hasNext(), "an empty cell gives no triple");
            assertTrue(d.contains(uris.catalogGraph(), uris.catalog(), Vocab.dcat("dataset"), uris.dataset(slug)));
            return null;
        });
    }

    @Test
    void aProjectionThatNeverRanAfterItsCommitIsRepairedFromTheOutbox() {
        String slug = publishSynthetic();
        // Simulate a crash between the database commit and the projection: the store lacks the change and
        // the cursor still stands before the event.
        long event = QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.<OutboxEvent>find("datasetSlug = ?1 order by id desc", slug).firstResult().id);
        store.write(d -> d.removeGraph(uris.datasetGraph(slug)));
        QuarkusTransaction.requiringNew().run(() ->
                ProjectionCursor.update("lastEventId = ?1 where projection = ?2", event - 1, ProjectionService.CURSOR));
        boolean lost = !store.<Boolean>read(d -> d.containsGraph(uris.datasetGraph(slug)));
        assertTrue(lost);

        assertTrue(projection.applyPending() >= 1);
        boolean repaired = store.<Boolean>read(d -> d.containsGraph(uris.datasetGraph(slug)));
        assertTrue(repaired);
    }

    @Test
    void aRebuildFromScratchGivesTheSameStoreAsTheIncrementalProjection() {
        publishSynthetic();
        Snapshot before = snapshot();
        projection.rebuildAll();
        Snapshot after = snapshot();
        java.util.Set<Object> onlyBefore = new java.util.HashSet<>(before.ground());
        onlyBefore.removeAll(after.ground());
        java.util.Set<Object> onlyAfter = new java.util.HashSet<>(after.ground());
        onlyAfter.removeAll(before.ground());
        assertTrue(onlyBefore.isEmpty() && onlyAfter.isEmpty(), "the same quads without blank nodes; only before: "
                + onlyBefore.stream().limit(5).toList() + "; only after: " + onlyAfter.stream().limit(5).toList());
        assertEquals(before.withBlankNodes(), after.withBlankNodes(), "as many quads with blank nodes");
    }

    @Test
    void aRebuildCutShortAfterClearingTheStoreIsRedoneAtTheNextStart() {
        String slug = publishSynthetic();
        class Crash extends RuntimeException {
        }
        org.junit.jupiter.api.Assertions.assertThrows(Crash.class, () -> projection.rebuildAll(() -> {
            throw new Crash();
        }));
        boolean cursorKept = QuarkusTransaction.requiringNew().call(() ->
                ProjectionCursor.findByIdOptional(ProjectionService.CURSOR).isPresent());
        assertFalse(cursorKept, "no cursor claims the half-built store is up to date");
        boolean catalogThere = store.<Boolean>read(d -> d.containsGraph(uris.catalogGraph()));
        assertFalse(catalogThere, "the crash left the store empty");

        projection.onStart(new io.quarkus.runtime.StartupEvent());

        store.read(d -> {
            assertTrue(d.containsGraph(uris.catalogGraph()), "the catalog graph is back");
            assertTrue(d.containsGraph(uris.datasetGraph(slug)), "the dataset graph is back");
            assertTrue(d.containsGraph(uris.datasetGraph("indicators")), "the seed datasets are back");
            return null;
        });
        assertEquals(0, projection.applyPending(), "and the cursor stands after every event");
    }

    /** The store's quads without blank nodes, and how many have one (their labels differ between runs). */
    private record Snapshot(java.util.Set<org.apache.jena.sparql.core.Quad> ground, long withBlankNodes) {
    }

    private Snapshot snapshot() {
        return store.read(d -> {
            java.util.Set<org.apache.jena.sparql.core.Quad> ground = new java.util.HashSet<>();
            long[] blank = {0};
            d.find().forEachRemaining(q -> {
                if (q.getSubject().isBlank() || q.getObject().isBlank()) {
                    blank[0]++;
                } else {
                    ground.add(q);
                }
            });
            return new Snapshot(ground, blank[0]);
        });
    }

    @Inject
    cn.zjdata.portal.publishing.FileStore files;
    @Inject
    cn.zjdata.portal.catalog.CatalogService catalog;

    @Test
    void aDatasetThatCannotBeProjectedDoesNotHoldBackTheOthersAndIsRetried() throws Exception {
        String broken = SyntheticDatasets.newSlug("broken");
        synthetic.publish(SyntheticDatasets.metadata(broken, List.of(SyntheticDatasets.column("名称", Datatype.STRING, true))),
                "名称\n" + broken + "\n");
        projection.applyPending();
        java.nio.file.Files.delete(files.path(catalog.latestRelease(broken).fileSha256));
        // The dataset has an event pending while its file is lost; then another dataset is published.
        QuarkusTransaction.requiringNew().run(() ->
                OutboxEvent.append(OutboxEvent.RELEASE_PUBLISHED, broken, null, java.time.Instant.now()));
        String next = publishSynthetic();
        boolean projected = store.<Boolean>read(d -> d.containsGraph(uris.datasetGraph(next)));
        assertTrue(projected, "a later publish still reaches the store");
        projection.applyPending();
        assertTrue(QuarkusTransaction.requiringNew().call(() -> cn.zjdata.portal.publishing.ProjectionRetry.waiting(ProjectionService.CURSOR, broken)),
                "the broken dataset waits to be retried");
        assertTrue(store.<Boolean>read(d -> d.containsGraph(uris.datasetGraph(broken))), "its graph stays as it was");

        // Repair, as staff would: publishing the same content again puts the file back (files are named by content).
        synthetic.publish(SyntheticDatasets.metadata(broken, List.of(SyntheticDatasets.column("名称", Datatype.STRING, true))),
                "名称\n" + broken + "\n");
        projection.awaitIdle();
        projection.applyPending();
        assertFalse(QuarkusTransaction.requiringNew().call(() -> cn.zjdata.portal.publishing.ProjectionRetry.waiting(ProjectionService.CURSOR, broken)),
                "once repaired, nothing waits to be retried");
    }

    @Test
    void theDumpsAreRewrittenAfterAPublish() throws Exception {
        String slug = publishSynthetic();
        String catalog = java.nio.file.Files.readString(dumps.file(Dumps.CATALOG).orElseThrow());
        assertTrue(catalog.contains("/id/dataset/" + slug + ">") || catalog.contains("id:dataset/" + slug), "the new dataset is in the catalog dump");
    }
}
