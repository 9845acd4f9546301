package cn.zjdata.portal.publishing;

import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.support.SyntheticDatasets;
import cn.zjdata.portal.tabular.Column;
import cn.zjdata.portal.tabular.Datatype;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@QuarkusTest
@Tag("database")
class WithdrawalTest {

    private static final List<Column> COLUMNS = List.of(
            SyntheticDatasets.column("年份", Datatype.YEAR, true),
            SyntheticDatasets.column("数值", Datatype.DECIMAL, false));

    @Inject
    cn.zjdata.portal.linkeddata.ProjectionService projection;
    @Inject
    PublishingService publishing;
    @Inject
    SyntheticDatasets synthetic;

    @Test
    void aWithdrawnReleaseIsGoneAndTheLatestUrlsMoveBackToThePreviousOne() {
        String slug = SyntheticDatasets.newSlug("withdraw-release");
        synthetic.publish(SyntheticDatasets.metadata(slug, COLUMNS), "年份,数值\n2020,1\n");
        synthetic.publish(SyntheticDatasets.metadata(slug, COLUMNS), "年份,数值\n2020,1\n2021,999\n");

        publishing.withdrawRelease(slug, 2, "2021 的数值录入错误", "test");

        given().get("/api/datasets/" + slug + "/releases/2/data.csv").then().statusCode(410)
                .contentType("application/problem+json").body("detail", containsString("2021 的数值录入错误"));
        given().get("/api/datasets/" + slug + "/data.csv").then().statusCode(200)
                .body(containsString("2020,1"), not(containsString("2021")));
        given().get("/api/datasets/" + slug + "/releases/1/data.csv").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(1, AuditEntry.count("targetId = ?1 and action = 'withdraw'", slug));
            assertEquals(1, OutboxEvent.count("datasetSlug = ?1 and topic = ?2", slug, OutboxEvent.RELEASE_WITHDRAWN));
        });
    }

    @Test
    void aWithdrawnDatasetAnswers410ToProgramsAndAsAPageToBrowsersAndLeavesTheList() {
        String slug = SyntheticDatasets.newSlug("withdraw-dataset");
        synthetic.publish(SyntheticDatasets.metadata(slug, COLUMNS), "年份,数值\n2020,1\n");

        publishing.withdrawDataset(slug, "数据已并入其他数据集", "test");

        given().get("/api/datasets/" + slug).then().statusCode(410).contentType("application/problem+json")
                .body("detail", containsString("数据已并入其他数据集"));
        given().get("/api/datasets/" + slug + "/data.csv").then().statusCode(410);
        given().accept("text/html").get("/datasets/" + slug).then().statusCode(410).contentType(containsString("text/html"))
                .body(containsString("数据已并入其他数据集")).body(containsString("href=\"/\""));
        given().get("/api/datasets?q=" + slug).then().statusCode(200).body("items.findAll { it.id == '" + slug + "' }.size()", equalTo(0));
    }

    @Test
    void theRdfOfAWithdrawnDatasetIsATombstoneAnswered410InEveryFormat() {
        String slug = SyntheticDatasets.newSlug("withdraw-rdf");
        synthetic.publish(SyntheticDatasets.metadata(slug, COLUMNS), "年份,数值\n2020,1\n");
        publishing.withdrawDataset(slug, "来源文件已废止", "test");
        projection.awaitIdle();
        projection.applyPending();

        given().accept("text/turtle").get("/doc/dataset/" + slug).then().statusCode(410)
                .contentType(containsString("text/turtle"))
                .body(containsString("http://purl.org/adms/status/Withdrawn")).body(containsString("来源文件已废止"))
                .body(not(containsString("distribution")));
        given().accept("text/html").get("/doc/dataset/" + slug).then().statusCode(410).contentType(containsString("text/html"));
        given().get("/doc/dataset/" + slug + "/release/1.nt").then().statusCode(410)
                .body(containsString("http://purl.org/adms/status/Withdrawn"));
        given().redirects().follow(false).get("/id/dataset/" + slug).then().statusCode(303);
    }

    @Test
    void withdrawingNeedsAReasonAndAPublishedTargetAndChangesNothingOtherwise() {
        String slug = SyntheticDatasets.newSlug("withdraw-refused");
        synthetic.publish(SyntheticDatasets.metadata(slug, COLUMNS), "年份,数值\n2020,1\n");

        ProblemException noReason = assertThrows(ProblemException.class, () -> publishing.withdrawDataset(slug, " ", "test"));
        assertEquals(422, noReason.toProblem().status());
        ProblemException unknownRelease = assertThrows(ProblemException.class,
                () -> publishing.withdrawRelease(slug, 7, "no such release", "test"));
        assertEquals(404, unknownRelease.toProblem().status());

        given().get("/api/datasets/" + slug + "/data.csv").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() ->
                assertEquals(0, AuditEntry.count("targetId = ?1 and action = 'withdraw'", slug)));
    }
}
