package cn.zjdata.portal.downloads;

import cn.zjdata.portal.support.SyntheticDatasets;
import cn.zjdata.portal.tabular.Datatype;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@Tag("database")
class DownloadResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Inject
    SyntheticDatasets synthetic;

    @Test
    void theCsvCarriesTheSchemaHeaderAndAMeaningfulUtf8FileName() {
        Response response = raw().get("/api/datasets/doubling-plan-indicators/data.csv");
        response.then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("ETag", startsWith("\""))
                .header("Last-Modified", notNullValue())
                .header("Link", containsString("rel=\"describedby\""));
        List<String> columns = given().get("/api/datasets/doubling-plan-indicators").path("schema.name");
        assertEquals(String.join(",", columns), response.asString().lines().findFirst().orElseThrow());
        String disposition = response.header("Content-Disposition");
        assertTrue(disposition.startsWith("attachment; filename=\"doubling-plan-indicators-r"), disposition);
        String utf8Name = URLDecoder.decode(disposition.substring(disposition.indexOf("UTF-8''") + 7), StandardCharsets.UTF_8);
        assertTrue(utf8Name.startsWith("浙江省数字经济五年倍增计划主要指标") && utf8Name.endsWith(".csv"), utf8Name);
        assertEquals(response.asByteArray().length, Integer.parseInt(response.header("Content-Length")));
    }

    @TestFactory
    Stream<DynamicTest> everyDatasetsCsvParsedEqualsItsJson() {
        List<String> ids = given().queryParam("publisher", "digital-economy-office").queryParam("size", 100)
                .get("/api/datasets").path("items.id");
        return ids.stream().map(id -> DynamicTest.dynamicTest(id, () -> {
            List<Map<String, String>> schema = given().get("/api/datasets/" + id).path("schema");
            String csv = given().get("/api/datasets/" + id + "/data.csv").asString();
            JsonNode json = JSON.readTree(given().get("/api/datasets/" + id + "/data.json").asByteArray());
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv)).getRecords();
            assertEquals(records.size(), json.size(), id + ": as many records as rows");
            for (int r = 0; r < records.size(); r++) {
                for (Map<String, String> column : schema) {
                    String name = column.get("name");
                    assertCellEquals(id + " row " + (r + 2) + " " + name, records.get(r).get(name),
                            column.get("datatype"), column.get("separator"), json.get(r).get(name));
                }
            }
        }));
    }

    /** The JSON value is the CSV cell read by its column's type: numbers, booleans, lists, null for empty. */
    private static void assertCellEquals(String where, String cell, String datatype, String separator, JsonNode value) {
        if (cell.isEmpty()) {
            assertTrue(value.isNull(), where + ": empty cell is null, was " + value);
            return;
        }
        if (separator != null) {
            assertTrue(value.isArray(), where + ": a list");
            List<String> items = Stream.of(cell.split(java.util.regex.Pattern.quote(separator))).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            assertEquals(items.size(), value.size(), where);
            for (int i = 0; i < items.size(); i++) {
                assertCellEquals(where, items.get(i), datatype, null, value.get(i));
            }
            return;
        }
        switch (datatype) {
            case "integer", "gYear" -> {
                assertTrue(value.isIntegralNumber(), where + ": a whole number");
                assertEquals(Long.parseLong(cell), value.asLong(), where);
            }
            case "decimal" -> {
                assertTrue(value.isNumber(), where + ": a number");
                assertEquals(0, new BigDecimal(cell).compareTo(value.decimalValue()), where);
            }
            case "boolean" -> assertEquals(cell.equals("true") || cell.equals("1"), value.asBoolean(), where);
            default -> assertEquals(cell, value.asText(), where);
        }
    }

    @Test
    void theExcelVariantHasAByteOrderMarkAndNeutralisesFormulaText() throws IOException {
        String slug = SyntheticDatasets.newSlug("excel");
        synthetic.publish(SyntheticDatasets.metadata(slug, List.of(
                SyntheticDatasets.column("名称", Datatype.STRING, true),
                SyntheticDatasets.column("数值", Datatype.DECIMAL, true))),
                "名称,数值\n=1+2,-5\n@SUM(A1),1.5\n+cmd,2\n-x,3\n普通文字,4\n");
        byte[] excel = given().queryParam("excel", "true").get("/api/datasets/" + slug + "/data.csv").asByteArray();
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(excel, 3));
        List<CSVRecord> rows = parse(new String(excel, 3, excel.length - 3, StandardCharsets.UTF_8));
        assertEquals(List.of("'=1+2", "'@SUM(A1)", "'+cmd", "'-x", "普通文字"), rows.stream().map(r -> r.get(0)).toList());
        assertEquals("-5", rows.getFirst().get(1), "numbers are left as numbers");
        List<CSVRecord> plain = parse(given().get("/api/datasets/" + slug + "/data.csv").asString());
        assertEquals("=1+2", plain.getFirst().get(0), "the plain CSV is the data as published");
        given().queryParam("excel", "maybe").get("/api/datasets/" + slug + "/data.csv")
                .then().statusCode(400).body("errors[0].field", equalTo("excel"));
    }

    @Test
    void aConditionalGetWithTheCurrentETagOrDateIs304() {
        Response first = given().get("/api/datasets/progress-2018/data.json");
        String etag = first.header("ETag");
        given().header("If-None-Match", etag).get("/api/datasets/progress-2018/data.json")
                .then().statusCode(304).body(emptyString()).header("ETag", equalTo(etag));
        given().header("If-Modified-Since", first.header("Last-Modified")).get("/api/datasets/progress-2018/data.json")
                .then().statusCode(304);
        given().header("If-None-Match", "\"stale\"").get("/api/datasets/progress-2018/data.json")
                .then().statusCode(200);
        String csvTag = given().get("/api/datasets/progress-2018/data.csv").header("ETag");
        assertNotEquals(etag, csvTag, "each format has its own ETag");
    }

    @Test
    void conditionalHeadersFollowRfc9110() {
        String etag = raw().get("/api/datasets/progress-2018/data.json").header("ETag");
        raw().header("If-None-Match", "W/" + etag).get("/api/datasets/progress-2018/data.json").then().statusCode(304);
        raw().header("If-Modified-Since", "garbage").get("/api/datasets/progress-2018/data.json").then().statusCode(200);
        raw().header("If-Modified-Since", "Tue, 01 Jan 2099 00:00:00 GMT").get("/api/datasets/progress-2018/data.json")
                .then().statusCode(200);
        raw().header("If-Match", "\"not-this-one\"").get("/api/datasets/progress-2018/data.json")
                .then().statusCode(412).contentType("application/problem+json");
    }

    @Test
    void aNewReleaseIsNeverMistakenForTheOldOneByItsDate() {
        String slug = SyntheticDatasets.newSlug("dates");
        var metadata = SyntheticDatasets.metadata(slug, List.of(SyntheticDatasets.column("年份", Datatype.YEAR, true)));
        synthetic.publish(metadata, "年份\n2020\n");
        String lastModified = raw().get("/api/datasets/" + slug + "/data.csv").header("Last-Modified");
        synthetic.publish(metadata, "年份\n2021\n");
        raw().header("If-Modified-Since", lastModified).get("/api/datasets/" + slug + "/data.csv")
                .then().statusCode(200).body(containsString("2021"));
    }

    @Test
    void headAnswersTheHeadersOfAGetWithoutABody() {
        Response get = raw().get("/api/datasets/progress-2018/data.csv");
        Response head = raw().head("/api/datasets/progress-2018/data.csv");
        head.then().statusCode(200).header("ETag", equalTo(get.header("ETag")))
                .header("Content-Length", equalTo(get.header("Content-Length")));
        assertEquals(0, head.asByteArray().length);
        raw().head("/api/datasets/progress-2018/data.json").then().statusCode(200).header("ETag", notNullValue());
    }

    @Test
    void gzipIsServedWhenAcceptedWithItsOwnETag() throws IOException {
        Response identity = raw().get("/api/datasets/progress-2018/data.csv");
        byte[] plain = identity.asByteArray();
        identity.then().header("Content-Encoding", (String) null);
        Response zipped = raw().header("Accept-Encoding", "gzip").get("/api/datasets/progress-2018/data.csv");
        zipped.then().statusCode(200).header("Content-Encoding", "gzip").header("Vary", containsString("Accept-Encoding"));
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.asByteArray())).readAllBytes();
        assertArrayEquals(plain, unzipped);
        assertTrue(zipped.asByteArray().length < plain.length);
        assertNotEquals(identity.header("ETag"), zipped.header("ETag"), "a gzip body is another representation");
    }

    @Test
    void theLatestUrlMovesToANewReleaseWhileOldReleasesStay() {
        String slug = SyntheticDatasets.newSlug("versions");
        var metadata = SyntheticDatasets.metadata(slug, List.of(SyntheticDatasets.column("年份", Datatype.YEAR, true)));
        synthetic.publish(metadata, "年份\n2020\n");
        synthetic.publish(metadata, "年份\n2020\n2021\n");
        assertEquals("年份\r\n2020\r\n2021\r\n", given().get("/api/datasets/" + slug + "/data.csv").asString());
        given().get("/api/datasets/" + slug + "/releases/1/data.csv").then().statusCode(200)
                .body(equalTo("年份\r\n2020\r\n"))
                .header("Cache-Control", containsString("max-age=86400"));
        given().get("/api/datasets/" + slug + "/data.csv").then().header("Cache-Control", containsString("must-revalidate"));
        given().get("/api/datasets/" + slug + "/releases/2/data.json").then().statusCode(200)
                .contentType(startsWith("application/json")).body("年份", equalTo(List.of(2020, 2021)));
    }

    @Test
    void theCsvwMetadataDescribesTheCsv() {
        given().get("/api/datasets/city-digital-economy-roles/csv-metadata.json").then().statusCode(200)
                .contentType(startsWith("application/csvm+json"))
                .body("url", equalTo("data.csv"))
                .body("'dc:identifier'", equalTo("city-digital-economy-roles"))
                .body("tableSchema.columns[0].name", equalTo("code"));
    }

    @Inject
    cn.zjdata.portal.publishing.FileStore files;
    @Inject
    cn.zjdata.portal.catalog.CatalogService catalog;
    @Inject
    cn.zjdata.portal.linkeddata.ProjectionService projection;

    @Test
    void aReleaseWhoseFileIsLostIsA503ProblemNotATruncatedBody() throws IOException {
        String slug = SyntheticDatasets.newSlug("lost");
        synthetic.publish(SyntheticDatasets.metadata(slug, List.of(SyntheticDatasets.column("名称", Datatype.STRING, true))),
                "名称\n" + slug + "\n");
        // Project the release while its file is there, and put the file back afterwards: other tests (a
        // rebuild of the projection from the stored files) share this store and must find it as it was.
        projection.applyPending();
        java.nio.file.Path file = files.path(catalog.latestRelease(slug).fileSha256);
        byte[] kept = java.nio.file.Files.readAllBytes(file);
        java.nio.file.Files.delete(file);
        try {
            raw().get("/api/datasets/" + slug + "/data.csv").then().statusCode(503).contentType("application/problem+json");
            raw().get("/api/datasets/" + slug).then().statusCode(200);
        } finally {
            java.nio.file.Files.write(file, kept);
        }
    }

    @Test
    void downloadsOfUnknownDatasetsOrReleasesAre404Problems() {
        given().get("/api/datasets/nothing-here/data.csv").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/datasets/progress-2018/releases/77/data.json").then().statusCode(404).contentType("application/problem+json");
    }

    /** A request without RestAssured's automatic Accept-Encoding and decoding: the body as the server sent it. */
    private static io.restassured.specification.RequestSpecification raw() {
        return given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()));
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        List<CSVRecord> rows = new ArrayList<>(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords());
        return rows;
    }
}
