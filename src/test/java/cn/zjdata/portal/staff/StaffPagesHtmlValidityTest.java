package cn.zjdata.portal.staff;

import cn.zjdata.portal.security.Role;
import cn.zjdata.portal.support.StaffFixtures;
import cn.zjdata.portal.support.StaffFixtures.Signed;
import cn.zjdata.portal.support.SyntheticDatasets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static cn.zjdata.portal.staff.StaffPageFixtures.RELEASE_2;
import static cn.zjdata.portal.staff.StaffPageFixtures.RELEASE_2_INVALID;
import static cn.zjdata.portal.staff.StaffPageFixtures.gbk;
import static cn.zjdata.portal.staff.StaffPagesTest.as;
import static cn.zjdata.portal.staff.StaffPagesTest.browser;
import static cn.zjdata.portal.staff.StaffPagesTest.form;
import static cn.zjdata.portal.staff.StaffPagesTest.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The staff pages, signed in and in both languages, are valid HTML by the Nu HTML Checker (as in
 * {@code HtmlValidityTest}): each page as first shown, and as shown again with errors beside the fields.
 */
@QuarkusTest
class StaffPagesHtmlValidityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    StaffFixtures staff;
    @Inject
    SyntheticDatasets synthetic;
    @Inject
    StaffService service;

    @Test
    void everyStaffPageIsValidHtmlInBothLanguages() throws Exception {
        Signed signed = staff.signedIn(Role.PUBLISHER, SyntheticDatasets.PUBLISHER);
        Signed reviewer = staff.signedIn(Role.REVIEWER, SyntheticDatasets.PUBLISHER);
        String slug = StaffPageFixtures.publishYearValue(synthetic, "valid-html");
        String uploadPage = URI.create(upload(signed, slug, "data.csv", gbk(RELEASE_2)).getHeader("Location")).getPath();
        // Another dataset gains a column, so its upload page asks to confirm the change.
        String changing = StaffPageFixtures.publishYearValue(synthetic, "valid-html-columns");
        form(signed).formParam("expectedVersion", service.show(signed.actor(), changing).dataset().version())
                .formParam("title_zh", "合成测试数据").formParam("description_zh", "测试生成的合成数据，不是事实。")
                .formParam("publisher", SyntheticDatasets.PUBLISHER).formParam("themes", SyntheticDatasets.THEME)
                .formParam("license", SyntheticDatasets.LICENSE).formParam("frequency", SyntheticDatasets.FREQUENCY)
                .formParam("col_original", "年份", "数值", "").formParam("col_name", "年份", "数值", "备注")
                .formParam("col_title_zh", "年份", "数值", "备注").formParam("col_title_en", "", "", "")
                .formParam("col_datatype", "integer", "decimal", "string").formParam("col_unit", "", "", "")
                .formParam("primary_key", "年份")
                .post("/staff/datasets/" + changing + "/metadata").then().statusCode(303);
        String schemaChange = URI.create(upload(signed, changing, "columns.csv",
                gbk("年份,数值,备注\n2019,1.5,甲\n")).getHeader("Location")).getPath();

        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        validator.setNoLangDetect(true);
        List<String> failures = new ArrayList<>();
        for (String lang : List.of("zh", "en")) {
            Map<String, Supplier<Response>> pages = new LinkedHashMap<>();
            Map<String, Integer> statuses = new LinkedHashMap<>();
            pages.put("sign-in", () -> browser().queryParam("lang", lang).get("/staff/sign-in"));
            pages.put("sign-in refused", () -> browser().queryParam("lang", lang).contentType(ContentType.URLENC)
                    .formParam("username", "nobody").formParam("password", "wrong").post("/staff/sign-in"));
            pages.put("dashboard", () -> as(signed).queryParam("lang", lang).get("/staff"));
            pages.put("new dataset", () -> as(signed).queryParam("lang", lang).get("/staff/datasets/new"));
            pages.put("new dataset refused", () -> form(signed).queryParam("lang", lang)
                    .formParam("identifier", "Bad Id").formParam("col_original", "", "")
                    .formParam("col_name", "a", "a").formParam("col_title_zh", "", "").formParam("col_title_en", "", "")
                    .formParam("col_datatype", "string", "string").formParam("col_unit", "", "")
                    .formParam("primary_key", "b").post("/staff/datasets/new"));
            pages.put("dataset", () -> as(signed).queryParam("lang", lang).queryParam("notice", "published")
                    .queryParam("release", 1).get("/staff/datasets/" + slug));
            pages.put("dataset, read only", () -> as(reviewer).queryParam("lang", lang).get("/staff/datasets/" + slug));
            pages.put("dataset, upload refused", () -> as(signed).queryParam("lang", lang)
                    .multiPart("csrf", signed.csrfToken()).multiPart("file", "bad.csv", gbk(RELEASE_2_INVALID), "text/csv")
                    .post("/staff/datasets/" + slug + "/uploads"));
            pages.put("dataset, withdrawal refused", () -> form(signed).queryParam("lang", lang).formParam("reason", "")
                    .post("/staff/datasets/" + slug + "/releases/1/withdrawal"));
            pages.put("upload", () -> as(signed).queryParam("lang", lang).get(uploadPage));
            pages.put("upload, column change", () -> as(signed).queryParam("lang", lang).get(schemaChange));
            pages.put("upload, publish refused", () -> form(signed).queryParam("lang", lang)
                    .formParam("upload", schemaChange.substring(schemaChange.lastIndexOf('/') + 1))
                    .formParam("changeNote", "").post("/staff/datasets/" + changing + "/releases"));
            pages.put("dataset, metadata saved", () -> as(signed).queryParam("lang", lang).get("/staff/datasets/" + changing));
            statuses.putAll(Map.of("sign-in refused", 401, "new dataset refused", 422, "dataset, upload refused", 422,
                    "dataset, withdrawal refused", 422, "upload, publish refused", 422));
            for (Map.Entry<String, Supplier<Response>> page : pages.entrySet()) {
                String name = page.getKey() + " [" + lang + "]";
                Response response = page.getValue().get();
                assertEquals(statuses.getOrDefault(page.getKey(), 200), response.statusCode(), name);
                assertTrue(response.contentType().startsWith("text/html"), name + ": " + response.contentType());
                String report = validator.validate(new ByteArrayInputStream(response.asByteArray()));
                for (JsonNode message : JSON.readTree(report).path("messages")) {
                    String type = message.path("type").asText();
                    String line = name + " (" + response.statusCode() + "): " + type + " at " + message.path("lastLine").asText("?")
                            + " " + message.path("message").asText() + " «" + message.path("extract").asText("").strip() + "»";
                    if (type.equals("error") || type.equals("non-document-error")) {
                        failures.add(line);
                    } else {
                        System.out.println("[html] " + line);
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " HTML error(s):\n" + String.join("\n", failures));
    }
}
