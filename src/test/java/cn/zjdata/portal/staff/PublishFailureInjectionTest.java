package cn.zjdata.portal.staff;

import cn.zjdata.portal.catalog.Dataset;
import cn.zjdata.portal.catalog.DatasetRepository;
import cn.zjdata.portal.linkeddata.ProjectionService;
import cn.zjdata.portal.linkeddata.RdfStore;
import cn.zjdata.portal.linkeddata.Uris;
import cn.zjdata.portal.publishing.OutboxEvent;
import cn.zjdata.portal.publishing.ProjectionCursor;
import cn.zjdata.portal.publishing.ProjectionRetry;
import cn.zjdata.portal.publishing.PublishSteps;
import cn.zjdata.portal.publishing.StaffUpload;
import cn.zjdata.portal.publishing.UploadService;
import cn.zjdata.portal.search.SearchIndexer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A crash at each step of a publish: after the file is stored (before the database commits), after the
 * database commits (before the projections hear of it), and while the RDF projection writes. Afterwards
 * what is visible is the previous release or the new one, never a mix; a restart (the projections
 * catching up from their outbox cursors, as at start-up) completes what was pending.
 */
@QuarkusTest
@Tag("database")
class PublishFailureInjectionTest {

    @Inject
    StaffTestData data;
    @Inject
    UploadService uploads;
    @Inject
    DatasetRepository datasets;
    @Inject
    cn.zjdata.portal.catalog.ReleaseRepository releases;
    @Inject
    ProjectionService projection;
    @Inject
    SearchIndexer search;
    @Inject
    RdfStore store;
    @Inject
    Uris uris;

    /** A crash at one step of one dataset's publish. */
    static final class Crash extends PublishSteps {
        final Step step;
        final String slug;
        volatile boolean armed = true;

        Crash(Step step, String slug) {
            this.step = step;
            this.slug = slug;
        }

        @Override
        public void reached(Step reached, String of) {
            if (armed && reached == step && slug.equals(of)) {
                throw new IllegalStateException("simulated crash at " + step);
            }
        }
    }

    @AfterEach
    void noMoreCrashes() {
        QuarkusMock.installMockForType(new PublishSteps(), PublishSteps.class);
    }

    @Test
    void aCrashAfterTheFileIsStoredLeavesThePreviousReleaseAndTheUploadCanBePublishedLater() {
        String slug = data.published(StaffTestData.DEPT_A);
        StaffUpload upload = data.upload(slug);
        long events = outboxEvents(slug);
        QuarkusMock.installMockForType(new Crash(PublishSteps.Step.FILE_STORED, slug), PublishSteps.class);

        assertThrows(IllegalStateException.class, () -> uploads.publish(upload, "会失败 / will crash", null, "test"));

        assertEquals(1, currentRelease(slug), "the database still has release 1");
        assertEquals(events, outboxEvents(slug), "no outbox event was committed");
        RestAssured.get("/api/datasets/" + slug + "/data.csv").then().statusCode(200).body(equalTo("year,value\r\n2020,1.5\r\n2021,2.5\r\n"));
        assertEquals("validated", uploadState(upload.id), "the upload still waits");

        noMoreCrashes(); // the restart
        uploads.publish(upload, "重试 / retried", null, "test");
        assertEquals(2, currentRelease(slug));
    }

    @Test
    void aCrashAfterTheCommitIsCompletedByTheProjectionsAtRestart() {
        String slug = data.published(StaffTestData.DEPT_A);
        catchUp();
        long before = tripleCount(slug);
        StaffUpload upload = data.upload(slug);
        QuarkusMock.installMockForType(new Crash(PublishSteps.Step.COMMITTED, slug), PublishSteps.class);

        assertThrows(IllegalStateException.class, () -> uploads.publish(upload, "提交后崩溃 / crash after commit", null, "test"));

        assertEquals(2, currentRelease(slug), "the commit stands: release 2 is the current release");
        assertEquals(before, tripleCount(slug), "the RDF store still holds release 1 whole (it has not heard yet)");

        catchUp(); // the restart
        assertTrue(tripleCount(slug) > before, "the RDF store now holds release 2");
        assertCursorsAtLatest(slug);
    }

    @Test
    void aCrashWhileTheRdfProjectionWritesLeavesReleaseOneWholeAndTheRestartProjectsReleaseTwo() {
        String slug = data.published(StaffTestData.DEPT_A);
        catchUp();
        long before = tripleCount(slug);
        StaffUpload upload = data.upload(slug);
        Crash crash = new Crash(PublishSteps.Step.PROJECTING, slug);
        QuarkusMock.installMockForType(crash, PublishSteps.class);

        uploads.publish(upload, "投影崩溃 / crash while projecting", null, "test");
        projection.awaitIdle();
        projection.applyPending(); // fails for this dataset inside its store transaction

        assertEquals(2, currentRelease(slug));
        assertEquals(before, tripleCount(slug), "the failed write was aborted whole: release 1 as it was, no mix");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> ProjectionRetry.waiting(ProjectionService.CURSOR, slug)),
                "the dataset waits to be retried");

        crash.armed = false; // the restart
        catchUp();
        assertTrue(tripleCount(slug) > before, "release 2 is projected");
        assertCursorsAtLatest(slug);
    }

    private void catchUp() {
        projection.awaitIdle();
        search.awaitIdle();
        projection.applyPending();
        search.applyPending();
    }

    /** No event of this dataset is left for either projection (other tests' datasets are theirs to check). */
    private void assertCursorsAtLatest(String slug) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String cursor : java.util.List.of(ProjectionService.CURSOR, SearchIndexer.CURSOR)) {
                assertTrue(ProjectionCursor.pendingFor(cursor).stream().noneMatch(e -> e.datasetSlug.equals(slug))
                        && !ProjectionRetry.waiting(cursor, slug), cursor + " has applied every event of " + slug);
            }
        });
    }

    private long tripleCount(String slug) {
        Node graph = uris.datasetGraph(slug);
        return store.read(d -> (long) d.getGraph(graph).size());
    }

    private int currentRelease(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Dataset d = datasets.findBySlug(slug).orElseThrow();
            return releases.findById(d.currentReleaseId).number;
        });
    }

    private long outboxEvents(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("datasetSlug", slug));
    }

    private String uploadState(String id) {
        return QuarkusTransaction.requiringNew().call(() -> StaffUpload.<StaffUpload>findById(id).state.name().toLowerCase());
    }
}
