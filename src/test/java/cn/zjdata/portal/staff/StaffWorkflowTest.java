package cn.zjdata.portal.staff;

import cn.zjdata.portal.catalog.DatasetMetadata;
import cn.zjdata.portal.security.Role;
import cn.zjdata.portal.support.StaffFixtures;
import cn.zjdata.portal.support.SyntheticDatasets;
import cn.zjdata.portal.tabular.Column;
import cn.zjdata.portal.tabular.Datatype;
import cn.zjdata.portal.tabular.TableSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The staff workflow through the API: drafts, uploads, diffs, releases, review, stale versions, audit. */
@QuarkusTest
@Tag("database")
class StaffWorkflowTest {

    @Inject
    StaffFixtures staff;
    @Inject
    StaffTestData data;

    private StaffFixtures.Signed publisher;

    @BeforeEach
    void publisher() {
        data.ensureDepartments();
        publisher = staff.signedIn(Role.PUBLISHER, StaffTestData.DEPT_A, StaffTestData.DEPT_R);
    }

    @Test
    void aDraftIsInvisibleUntilItsFirstReleaseAndKeepsTheUploadsFileName() {
        String slug = SyntheticDatasets.newSlug("draft");
        publisher.request().contentType(ContentType.JSON).body(StaffTestData.json(StaffTestData.metadata(slug, StaffTestData.DEPT_A)))
                .post("/api/staff/datasets").then().statusCode(201).body("dataset.status", equalTo("draft"));
        RestAssured.get("/api/datasets/" + slug).then().statusCode(404);

        byte[] gbk = "year,value\n2020,1.5\n2021,2.5\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String upload = publisher.request().contentType("text/csv")
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + java.net.URLEncoder.encode("第一版.csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(gbk).post("/api/staff/datasets/" + slug + "/uploads").then().statusCode(201)
                .body("rows", equalTo(2)).body("diff", equalTo(null)).body("fileName", equalTo("第一版.csv"))
                .extract().path("id");
        release(slug, Map.of("upload", upload, "changeNote", "首次发布 / first release")).then().statusCode(201).body("release", equalTo(1));
        RestAssured.get("/api/datasets/" + slug).then().statusCode(200);
        RestAssured.get("/api/datasets/" + slug + "/data.csv").then().body(equalTo("year,value\r\n2020,1.5\r\n2021,2.5\r\n"));
    }

    @Test
    void theUploadIsComparedWithTheCurrentRelease() {
        String slug = data.published(StaffTestData.DEPT_A); // 2020 1.5, 2021 2.5
        publisher.request().contentType("text/csv").body("year,value\n2021,2.6\n2022,3.5\n2023,4\n")
                .post("/api/staff/datasets/" + slug + "/uploads").then().statusCode(201)
                .body("diff.keyed", equalTo(true))
                .body("diff.rowsAdded", equalTo(2)).body("diff.rowsRemoved", equalTo(1))
                .body("diff.rowsChanged", equalTo(1)).body("diff.rowsUnchanged", equalTo(0))
                .body("diff.examples.find { it.kind == 'CHANGED' }.before.value", equalTo("2.5"))
                .body("diff.examples.find { it.kind == 'CHANGED' }.after.value", equalTo("2.6"))
                .body("schemaChanged", equalTo(false))
                .body("preview.header", equalTo(List.of("year", "value")))
                .body("preview.rows[0]", equalTo(List.of("2021", "2.6")));
    }

    @Test
    void aChangeOfColumnsNeedsExplicitConfirmation() {
        String slug = data.published(StaffTestData.DEPT_A);
        DatasetMetadata wider = withColumns(StaffTestData.metadata(slug, StaffTestData.DEPT_A),
                SyntheticDatasets.column("note", Datatype.STRING, false));
        String etag = publisher.request().get("/api/staff/datasets/" + slug).then().statusCode(200).extract().header("ETag");
        publisher.request().contentType(ContentType.JSON).header("If-Match", etag).body(StaffTestData.json(wider))
                .put("/api/staff/datasets/" + slug + "/metadata").then().statusCode(200).body("dataset.pendingMetadata", equalTo(true));
        String upload = publisher.request().contentType("text/csv").body("year,value,note\n2020,1.5,a\n2021,2.5,b\n")
                .post("/api/staff/datasets/" + slug + "/uploads").then().statusCode(201)
                .body("schemaChanged", equalTo(true)).body("diff.columnsAdded", equalTo(List.of("note")))
                .extract().path("id");

        release(slug, Map.of("upload", upload, "changeNote", "新增备注列 / note column"))
                .then().statusCode(422).body("errors.field", hasItem("confirmSchemaChange"));
        release(slug, Map.of("upload", upload, "changeNote", "新增备注列 / note column", "confirmSchemaChange", true))
                .then().statusCode(201).body("release", equalTo(2));
        RestAssured.get("/api/datasets/" + slug + "/data.csv").then().body(containsString("year,value,note"));
    }

    @Test
    void savedMetadataIsPublishedAsAMetadataOnlyRelease() {
        String slug = data.published(StaffTestData.DEPT_A);
        DatasetMetadata m = StaffTestData.metadata(slug, StaffTestData.DEPT_A);
        DatasetMetadata renamed = new DatasetMetadata(m.identifier(), cn.zjdata.portal.common.LocalizedText.of("改名的合成数据", "Renamed synthetic data"),
                m.description(), m.publisher(), m.themes(), m.keywords(), m.temporalStart(), m.temporalEnd(), m.spatial(),
                m.license(), m.accrualPeriodicity(), m.sources(), m.profile(), m.schema());
        publisher.request().contentType(ContentType.JSON).body(StaffTestData.json(renamed))
                .put("/api/staff/datasets/" + slug + "/metadata").then().statusCode(200);
        RestAssured.get("/api/datasets/" + slug).then().body("title.zh", containsString("合成测试数据"));

        release(slug, Map.of("metadataOnly", true, "changeNote", "更正标题 / title corrected")).then().statusCode(201).body("release", equalTo(2));
        RestAssured.get("/api/datasets/" + slug).then().body("title.zh", equalTo("改名的合成数据"));
        RestAssured.get("/api/datasets/" + slug + "/data.csv").then().body(equalTo("year,value\r\n2020,1.5\r\n2021,2.5\r\n"));
    }

    @Test
    void aStaleMetadataEditIs409() {
        String slug = data.published(StaffTestData.DEPT_A);
        String json = StaffTestData.json(StaffTestData.metadata(slug, StaffTestData.DEPT_A));
        String etag = publisher.request().get("/api/staff/datasets/" + slug).then().extract().header("ETag");
        publisher.request().contentType(ContentType.JSON).header("If-Match", etag).body(json)
                .put("/api/staff/datasets/" + slug + "/metadata").then().statusCode(200);
        publisher.request().contentType(ContentType.JSON).header("If-Match", etag).body(json)
                .put("/api/staff/datasets/" + slug + "/metadata").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void theLaterOfTwoPublishesFromTheSameReleaseGets409() {
        String slug = data.published(StaffTestData.DEPT_A);
        String first = data.upload(slug).id;
        String second = data.upload(slug).id;
        release(slug, Map.of("upload", first, "changeNote", "第一个 / first")).then().statusCode(201);
        release(slug, Map.of("upload", second, "changeNote", "第二个 / second")).then().statusCode(409)
                .body("detail", containsString("upload the file again"));
        RestAssured.get("/api/datasets/" + slug + "/data.csv").then().body(containsString("2022,3.5"));
        RestAssured.get("/api/datasets/" + slug + "/releases/3").then().statusCode(404);
    }

    @Test
    void twoPublishesAtOnceGiveOneReleaseAndOne409() throws Exception {
        String slug = data.published(StaffTestData.DEPT_A);
        String first = data.upload(slug).id;
        String second = data.upload(slug).id;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> release(slug, Map.of("upload", first, "changeNote", "并发一 / concurrent one")).statusCode());
            var b = pool.submit(() -> release(slug, Map.of("upload", second, "changeNote", "并发二 / concurrent two")).statusCode());
            List<Integer> statuses = new ArrayList<>(List.of(a.get(), b.get()));
            statuses.sort(Integer::compare);
            assertEquals(List.of(201, 409), statuses);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aDepartmentWithReviewPublishesOnlyAfterAnotherPersonApproves() {
        String slug = data.published(StaffTestData.DEPT_R);
        String upload = data.upload(slug).id;
        release(slug, Map.of("upload", upload, "changeNote", "待审 / for review")).then().statusCode(202)
                .body("outcome", equalTo("submitted-for-review"));
        RestAssured.get("/api/datasets/" + slug + "/data.csv").then().body(equalTo("year,value\r\n2020,1.5\r\n2021,2.5\r\n"));

        StaffFixtures.Signed reviewer = staff.signedIn(Role.REVIEWER, StaffTestData.DEPT_R);
        reviewer.request().get("/api/staff/reviews").then().statusCode(200).body("id", hasItem(upload));
        reviewer.request().post("/api/staff/reviews/" + upload + "/approval").then().statusCode(201).body("release", equalTo(2));
        RestAssured.get("/api/datasets/" + slug + "/data.csv").then().body(containsString("2022,3.5"));
        staff.signedIn(Role.ADMIN).request().get("/api/staff/audit?target=" + slug).then().statusCode(200)
                .body("items.action", hasItem("submit")).body("items.action", hasItem("approve")).body("items.action", hasItem("publish"));
    }

    @Test
    void noOneApprovesTheirOwnSubmissionNotEvenAnAdministrator() {
        String slug = data.published(StaffTestData.DEPT_R);
        String upload = data.upload(slug).id;
        StaffFixtures.Signed admin = staff.signedIn(Role.ADMIN);
        String token = staff.token(admin, java.time.Duration.ofDays(1), StaffTestData.DEPT_R);
        StaffFixtures.withToken(token).contentType(ContentType.JSON).body(Map.of("upload", upload, "changeNote", "自己提交 / own"))
                .post("/api/staff/datasets/" + slug + "/releases").then().statusCode(202);
        admin.request().post("/api/staff/reviews/" + upload + "/approval").then().statusCode(403)
                .body("detail", containsString("submitted"));
        staff.signedIn(Role.REVIEWER, StaffTestData.DEPT_R).request().post("/api/staff/reviews/" + upload + "/approval")
                .then().statusCode(201);
    }

    @Test
    void aRejectedUploadIsNeverPublished() {
        String slug = data.published(StaffTestData.DEPT_R);
        String upload = data.upload(slug).id;
        release(slug, Map.of("upload", upload, "changeNote", "待审 / for review")).then().statusCode(202);
        StaffFixtures.Signed reviewer = staff.signedIn(Role.REVIEWER, StaffTestData.DEPT_R);
        reviewer.request().contentType(ContentType.JSON).body(Map.of()).post("/api/staff/reviews/" + upload + "/rejection")
                .then().statusCode(422).body("errors.field", hasItem("reason"));
        reviewer.request().contentType(ContentType.JSON).body(Map.of("reason", "数字有误 / wrong figures"))
                .post("/api/staff/reviews/" + upload + "/rejection").then().statusCode(204);
        reviewer.request().post("/api/staff/reviews/" + upload + "/approval").then().statusCode(409);
        RestAssured.get("/api/datasets/" + slug + "/data.csv").then().body(equalTo("year,value\r\n2020,1.5\r\n2021,2.5\r\n"));
    }

    @Test
    void aReleaseNeedsAChangeNote() {
        String slug = data.published(StaffTestData.DEPT_A);
        String upload = data.upload(slug).id;
        release(slug, Map.of("upload", upload, "changeNote", "  ")).then().statusCode(422).body("errors.field", hasItem("changeNote"));
    }

    @Test
    void invalidMetadataIsRefusedFieldByField() {
        DatasetMetadata m = StaffTestData.metadata(SyntheticDatasets.newSlug("bad"), StaffTestData.DEPT_A);
        DatasetMetadata bad = new DatasetMetadata(m.identifier(), cn.zjdata.portal.common.LocalizedText.of("", "Only English"),
                m.description(), m.publisher(), m.themes(), m.keywords(), m.temporalStart(), m.temporalEnd(), m.spatial(),
                "https://example.org/not-a-licence", m.accrualPeriodicity(), m.sources(), m.profile(), m.schema());
        publisher.request().contentType(ContentType.JSON).body(StaffTestData.json(bad)).post("/api/staff/datasets")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("title.zh")).body("errors.field", hasItem("license"));
    }

    @Test
    void withdrawalsAnswer410AndStayInTheAuditLog() {
        String slug = data.published(StaffTestData.DEPT_A);
        publisher.request().contentType(ContentType.JSON).body(Map.of("reason", "数据来源撤销 / source withdrawn"))
                .post("/api/staff/datasets/" + slug + "/withdrawal").then().statusCode(204);
        RestAssured.get("/api/datasets/" + slug).then().statusCode(410).body("detail", containsString("source withdrawn"));
        staff.signedIn(Role.ADMIN).request().get("/api/staff/audit?action=withdraw&target=" + slug)
                .then().statusCode(200).body("totalItems", equalTo(1));
    }

    private Response release(String slug, Map<String, ?> body) {
        return publisher.request().contentType(ContentType.JSON).body(body).post("/api/staff/datasets/" + slug + "/releases");
    }

    private static DatasetMetadata withColumns(DatasetMetadata m, Column extra) {
        List<Column> columns = new ArrayList<>(m.schema().columns());
        columns.add(extra);
        return new DatasetMetadata(m.identifier(), m.title(), m.description(), m.publisher(), m.themes(), m.keywords(),
                m.temporalStart(), m.temporalEnd(), m.spatial(), m.license(), m.accrualPeriodicity(), m.sources(), m.profile(),
                new TableSchema(columns, m.schema().primaryKey()));
    }
}
