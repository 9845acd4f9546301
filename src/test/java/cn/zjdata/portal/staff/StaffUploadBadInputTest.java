package cn.zjdata.portal.staff;

import cn.zjdata.portal.catalog.Dataset;
import cn.zjdata.portal.catalog.DatasetRepository;
import cn.zjdata.portal.publishing.StaffUpload;
import cn.zjdata.portal.security.ApiToken;
import cn.zjdata.portal.security.Role;
import cn.zjdata.portal.support.StaffFixtures;
import cn.zjdata.portal.tabular.XlsxFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterEach;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Bad uploads and bad credentials through the staff API: each gets a clear problem naming what is wrong
 * (field, row, column), and nothing stored changes — no upload is kept, the dataset stays at its version
 * and release, and no work file is left behind.
 */
@QuarkusTest
@Tag("database")
class StaffUploadBadInputTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    @Inject
    StaffFixtures staff;
    @Inject
    StaffTestData data;
    @Inject
    DatasetRepository datasets;
    @Inject
    cn.zjdata.portal.publishing.FileStore files;

    private Path dir;

    private StaffFixtures.Signed publisher;
    private String slug;

    @BeforeEach
    void dataset() throws IOException {
        dir = Files.createTempDirectory("bad-uploads");
        data.ensureDepartments();
        publisher = staff.signedIn(Role.PUBLISHER, StaffTestData.DEPT_A);
        slug = data.published(StaffTestData.DEPT_A);
        before = QuarkusTransaction.requiringNew().call(() -> datasets.findBySlug(slug).orElseThrow());
    }

    private Dataset before;

    @AfterEach
    void removeFiles() throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aUtf8FileWithAGbkLineIsRefusedNamingTheLine() throws IOException {
        Path file = dir.resolve("mixed.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // a UTF-8 byte order mark
            out.write("year,value\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 3000; i++) {
                out.write((i + ",1.5\n").getBytes(StandardCharsets.UTF_8)); // year is the key: one row each
            }
            out.write("3000,二点五\n".getBytes(GB18030));
        }
        refused(422, csv(file), "line 3002");
    }

    @Test
    void aGbkFileIsReadAsGbkEvenWhenItsChineseComesLate() throws IOException {
        Path file = dir.resolve("late.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("year,value\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 3000; i++) {
                out.write((i + ",1.5\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write("3000,二点五\n".getBytes(GB18030));
        }
        refused(422, csv(file), "二点五").body("errors[0].row", equalTo(3002)).body("errors[0].column", equalTo("value"));
    }

    @Test
    void aRepeatedKeyIsRefusedNamingBothRows() {
        refused(422, csv("year,value\n2020,1.5\n2021,2\n2020,3\n"), "row 2").body("errors[0].field", equalTo("row 4"));
    }

    @Test
    void raggedRowsAreListedByRow() {
        refused(422, csv("year,value\n2020,1.5\n2021\n2022,1,2\n"), "row 3").body("errors.field", hasItem("row 4"));
    }

    @Test
    void anEmptyFileIsRefused() {
        refused(422, csv(""), "empty");
    }

    @Test
    void aHeaderWithoutRowsIsRefused() {
        refused(422, csv("year,value\n"), "no data rows");
    }

    @Test
    void duplicateAndBlankColumnNamesAreNamed() {
        refused(422, csv("year,year\n2020,2021\n"), "year");
        refused(422, csv("year,,value\n2020,,1\n"), "column 2");
    }

    @Test
    void aBinaryFileRenamedCsvIsNotATable() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        Response response = multipart("picture.csv", png, "text/csv");
        assertEquals(415, response.statusCode(), response.asString());
        response.then().body("detail", containsString("PNG"));
        assertNothingStored();
    }

    @Test
    void aHundredMegabyteLineIsRefused() throws IOException {
        Path file = dir.resolve("long.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("year,value\n2020,".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "9".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
        }
        refused(422, csv(file), "value");
    }

    @Test
    void aMillionColumnsAreRefused() throws IOException {
        Path file = dir.resolve("wide.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < 1_000_000; i++) {
                out.write(("c" + i + ",").getBytes(StandardCharsets.US_ASCII));
            }
            out.write("last\n1\n".getBytes(StandardCharsets.US_ASCII));
        }
        refused(422, csv(file), "1000");
    }

    @Test
    void aZipBombInsideAnXlsxIsRefused() throws IOException {
        Path bomb = XlsxFixtures.zipBomb(dir.resolve("bomb.xlsx"), 200L << 20);
        Response response = multipart("bomb.xlsx", Files.readAllBytes(bomb), StaffDatasetResource.XLSX);
        assertEquals(422, response.statusCode(), response.asString());
        response.then().body("detail", containsString("zip bomb"));
        assertNothingStored();
    }

    @Test
    void formulaCellsAreRefusedNamingTheCell() throws IOException {
        Path workbook = XlsxFixtures.workbook(dir.resolve("formula.xlsx"), (wb, sheet) -> {
            XlsxFixtures.row(sheet, 0, "year", "value");
            XlsxFixtures.row(sheet, 1, 2020, 1.5);
            XlsxFixtures.row(sheet, 2, 2021, null);
            sheet.getRow(2).createCell(1).setCellFormula("B2*2");
        });
        Response response = multipart("formula.xlsx", Files.readAllBytes(workbook), StaffDatasetResource.XLSX);
        assertEquals(422, response.statusCode(), response.asString());
        response.then().body("errors.message", hasItem(containsString("formula")));
        assertNothingStored();
    }

    @Test
    void pathTraversalAndControlCharactersInFileNamesAreRefused() {
        for (String name : new String[]{"../../etc/passwd.csv", "..\\..\\boot.csv", "bell\u0007.csv"}) {
            Response response = multipart(name, "year,value\n2020,1\n".getBytes(StandardCharsets.UTF_8), "text/csv");
            assertEquals(422, response.statusCode(), name + ": " + response.asString());
            response.then().body("errors.field", hasItem("fileName"));
        }
        assertNothingStored();
    }

    @Test
    void anUnsupportedTypeIs415() {
        Response declared = publisher.request().contentType("application/pdf").body("%PDF-1.7".getBytes(StandardCharsets.US_ASCII))
                .post("/api/staff/datasets/" + slug + "/uploads");
        assertEquals(415, declared.statusCode(), declared.asString());
        Response sniffed = multipart("report.csv", "%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1), "text/csv");
        assertEquals(415, sniffed.statusCode(), sniffed.asString());
        sniffed.then().body("detail", containsString("PDF"));
        assertNothingStored();
    }

    @Test
    void aRowThatBreaksTheSchemaIsNamedByRowColumnAndValue() {
        refused(422, csv("year,value\n2020,1.5\n二〇二一,2\n"), "1 problem")
                .body("errors[0].row", equalTo(3)).body("errors[0].column", equalTo("year")).body("errors[0].value", equalTo("二〇二一"));
    }

    @Test
    void anExpiredOrRevokedTokenIs401() {
        String expired = staff.token(publisher, Duration.ofDays(1));
        QuarkusTransaction.requiringNew().run(() -> ApiToken.update("expiresAt = ?1 where prefix = ?2",
                Instant.now().minusSeconds(1), expired.substring(0, 10)));
        StaffFixtures.withToken(expired).contentType("text/csv").body("year,value\n2020,1\n")
                .post("/api/staff/datasets/" + slug + "/uploads").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"));
        String revoked = staff.token(publisher, Duration.ofDays(1));
        long id = QuarkusTransaction.requiringNew().call(() -> ApiToken.<ApiToken>find("prefix", revoked.substring(0, 10)).firstResult().id);
        publisher.request().delete("/api/staff/tokens/" + id).then().statusCode(204);
        StaffFixtures.withToken(revoked).contentType("text/csv").body("year,value\n2020,1\n")
                .post("/api/staff/datasets/" + slug + "/uploads").then().statusCode(401);
        assertNothingStored();
    }

    @Test
    void aPublisherOfAnotherDepartmentIs403() {
        StaffFixtures.Signed other = staff.signedIn(Role.PUBLISHER, StaffTestData.DEPT_O);
        other.request().contentType("text/csv").body("year,value\n2020,1\n").post("/api/staff/datasets/" + slug + "/uploads")
                .then().statusCode(403).body("detail", containsString(StaffTestData.DEPT_A));
        assertNothingStored();
    }

    @Test
    void aForgedRequestWithoutItsCsrfTokenIs403() {
        publisher.withoutCsrf().multiPart("file", "data.csv", "year,value\n2020,1\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/staff/datasets/" + slug + "/uploads").then().statusCode(403).body("detail", containsString("CSRF"));
        publisher.withoutCsrf().multiPart("file", "data.csv", "year,value\n2020,1\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("csrf", "not-the-token").post("/api/staff/datasets/" + slug + "/uploads").then().statusCode(403);
        assertNothingStored();
    }

    @Test
    void aMultipartFormCarryingItsCsrfFieldIsAccepted() {
        publisher.withoutCsrf().multiPart("file", "data.csv", "year,value\n2020,1\n2023,2\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("csrf", publisher.csrfToken()).post("/api/staff/datasets/" + slug + "/uploads").then().statusCode(201);
    }

    private Function<RequestSpecification, Response> csv(String text) {
        return r -> r.contentType("text/csv").body(text.getBytes(StandardCharsets.UTF_8)).post("/api/staff/datasets/" + slug + "/uploads");
    }

    private Function<RequestSpecification, Response> csv(Path file) {
        return r -> r.contentType("text/csv").body(file.toFile()).post("/api/staff/datasets/" + slug + "/uploads");
    }

    private Response multipart(String fileName, byte[] bytes, String type) {
        return publisher.request().multiPart("file", fileName, bytes, type).post("/api/staff/datasets/" + slug + "/uploads");
    }

    private io.restassured.response.ValidatableResponse refused(int status, Function<RequestSpecification, Response> call, String mention) {
        Response response = call.apply(publisher.request());
        assertEquals(status, response.statusCode(), response.asString());
        org.junit.jupiter.api.Assertions.assertTrue(response.asString().contains(mention),
                "the problem names '" + mention + "': " + response.asString());
        assertNothingStored();
        return response.then().contentType("application/problem+json");
    }

    private void assertNothingStored() {
        QuarkusTransaction.requiringNew().run(() -> {
            Dataset d = datasets.findBySlug(slug).orElseThrow();
            assertEquals(0, StaffUpload.count("datasetId", d.id), "no upload is kept");
            assertEquals(before.version, d.version, "the dataset is unchanged");
            assertEquals(before.currentReleaseId, d.currentReleaseId, "the current release is unchanged");
        });
        try (var work = Files.list(files.tempDirectory())) {
            assertEquals(0, work.filter(p -> !p.getFileName().toString().endsWith(".part")).count(),
                    "no work file is left behind in " + files.tempDirectory());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
