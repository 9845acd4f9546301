package cn.zjdata.portal.web;

import cn.zjdata.portal.publishing.PublishingService;
import cn.zjdata.portal.support.SyntheticDatasets;
import cn.zjdata.portal.tabular.Column;
import cn.zjdata.portal.tabular.Datatype;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** Pages kept in memory are never stale: every publish and withdrawal drops them. */
@QuarkusTest
@Tag("database")
class PageModelsTest {

    private static final List<Column> COLUMNS = List.of(
            SyntheticDatasets.column("年份", Datatype.YEAR, true),
            SyntheticDatasets.column("名称", Datatype.STRING, false));

    @Inject
    SyntheticDatasets synthetic;
    @Inject
    PublishingService publishing;

    @Test
    void aPublishShowsOnTheHomePageAndInSearchesAlreadyServedFromMemory() {
        String slug = SyntheticDatasets.newSlug("cached");
        String word = "缓存失效检验" + slug.substring(slug.length() - 4);
        // served twice, so the second answer comes from memory
        given().accept("text/html").get("/").then().statusCode(200).body(not(containsString(slug)));
        given().accept("text/html").get("/").then().statusCode(200).body(not(containsString(slug)));
        given().accept("text/html").queryParam("q", word).get("/datasets").then().statusCode(200)
                .body(not(containsString("/datasets/" + slug)));

        synthetic.publish(SyntheticDatasets.metadata(slug, COLUMNS), "年份,名称\n2020," + word + "\n");

        given().accept("text/html").get("/").then().statusCode(200).body(containsString("/datasets/" + slug));
        // a search right away may run before the index has caught up; its answer must not outlive that
        given().accept("text/html").queryParam("q", word).get("/datasets").then().statusCode(200);
        awaitSearchable(word, slug);
    }

    @Test
    void aWithdrawnDatasetIsGoneEvenAfterItsPageWasServedFromMemory() {
        String slug = SyntheticDatasets.newSlug("cached-gone");
        synthetic.publish(SyntheticDatasets.metadata(slug, COLUMNS), "年份,名称\n2020,甲\n");
        given().accept("text/html").get("/datasets/" + slug).then().statusCode(200);
        given().accept("text/html").get("/datasets/" + slug).then().statusCode(200);

        publishing.withdrawDataset(slug, "缓存测试撤回", "test");

        given().accept("text/html").get("/datasets/" + slug).then().statusCode(410).body(containsString("缓存测试撤回"));
        given().accept("text/html").queryParam("lang", "en").get("/datasets/" + slug).then().statusCode(410);
    }

    /** The search index follows the outbox in the background; the indexer is asked to catch up first. */
    private void awaitSearchable(String word, String slug) {
        indexer.applyPending();
        given().accept("text/html").queryParam("q", word).get("/datasets").then().statusCode(200)
                .body(containsString("/datasets/" + slug));
    }

    @Inject
    cn.zjdata.portal.search.SearchIndexer indexer;
}
