package cn.zjdata.portal.search;

import cn.zjdata.portal.publishing.OutboxEvent;
import cn.zjdata.portal.publishing.ProjectionCursor;
import cn.zjdata.portal.publishing.PublishingService;
import cn.zjdata.portal.support.SyntheticDatasets;
import cn.zjdata.portal.tabular.Datatype;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@Tag("database")
class SearchIndexerTest {

    @Inject
    SearchIndexer indexer;
    @Inject
    SearchIndex index;
    @Inject
    SearchService search;
    @Inject
    SyntheticDatasets synthetic;
    @Inject
    PublishingService publishing;
    @Inject
    cn.zjdata.portal.common.PortalConfig config;

    private List<String> find(String text) {
        return search.search(new SearchQuery(text, Map.of(), SearchQuery.Sort.RELEVANCE,
                new cn.zjdata.portal.common.PageRequest(1, 100), "zh")).items().stream().map(SearchResult.Hit::id).toList();
    }

    /** A synthetic dataset whose one text cell holds a word found nowhere else. */
    private String publishWith(String word) {
        String slug = SyntheticDatasets.newSlug("search");
        synthetic.publish(SyntheticDatasets.metadata(slug, List.of(
                SyntheticDatasets.column("名称", Datatype.STRING, true),
                SyntheticDatasets.column("数值", Datatype.DECIMAL, false))), "名称,数值\n" + word + ",1.5\n");
        indexer.applyPending();
        return slug;
    }

    @Test
    void aSecondOpenerOfALockedIndexFailsWithoutDeletingIt() throws Exception {
        String slug = publishWith("锁定索引检验");
        // Another process (a second portal on the same data directory) cannot take the write lock: that is
        // an error to report, never a reason to delete the index the first one is using.
        SearchIndex second = new SearchIndex(config);
        assertThrows(RuntimeException.class, second::open);
        assertEquals(List.of(slug), find("锁定索引检验"));
        try (var files = Files.list(index.location())) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("segments")), "the index files are still there");
        }
    }

    @Test
    void aPublishedDatasetIsFoundByTheTextOfItsRows() {
        String slug = publishWith("量子纠缠测试仪");
        assertEquals(List.of(slug), find("纠缠测试"));
    }

    @Test
    void aWithdrawnDatasetDisappearsFromTheResults() {
        String slug = publishWith("撤回检验样本");
        assertEquals(List.of(slug), find("撤回检验"));
        publishing.withdrawDataset(slug, "测试撤回 / withdrawn by a test", "test");
        indexer.applyPending();
        assertEquals(List.of(), find("撤回检验"));
        assertFalse(find(slug).contains(slug), "nor by its identifier");
    }

    @Test
    void anIndexingThatNeverRanAfterItsCommitIsRepairedFromTheOutbox() {
        String slug = publishWith("断电恢复样本");
        indexer.awaitIdle();
        // Simulate a crash between the database commit and the indexing: the index lacks the dataset and
        // the cursor still stands before its event.
        long event = QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.<OutboxEvent>find("datasetSlug = ?1 order by id desc", slug).firstResult().id);
        index.write(w -> w.deleteDocuments(new org.apache.lucene.index.Term(SearchFields.KEY,
                SearchDocuments.key(SearchFields.DATASET, slug))));
        QuarkusTransaction.requiringNew().run(() ->
                ProjectionCursor.update("lastEventId = ?1 where projection = ?2", event - 1, SearchIndexer.CURSOR));
        assertEquals(List.of(), find("断电恢复"));

        assertTrue(indexer.applyPending() >= 1);
        assertEquals(List.of(slug), find("断电恢复"));
        long cursor = QuarkusTransaction.requiringNew().call(() ->
                ProjectionCursor.<ProjectionCursor>findById(SearchIndexer.CURSOR).lastEventId);
        assertTrue(cursor >= event, "the cursor moved past the repaired event");
    }

    @Test
    void aDeletedIndexIsRebuiltFromTheDatabaseAndTheFilesAtStart() throws Exception {
        String slug = publishWith("重建索引样本");
        index.delete();
        assertFalse(Files.exists(index.location()), "the index directory is gone");
        indexer.bringUpToDate();
        assertEquals(List.of(slug), find("重建索引"));
        assertTrue(find("机器人").contains("doubling-plan-indicators"), "the seed catalog is back too");
    }

    @Test
    void anUnreadableIndexIsRecreatedAndRebuilt() throws Exception {
        String slug = publishWith("损坏索引样本");
        index.delete();
        Files.createDirectories(index.location());
        Files.writeString(index.location().resolve("segments_9"), "not a Lucene commit");
        indexer.bringUpToDate();
        assertEquals(List.of(slug), find("损坏索引"));
    }
}
