package cn.zjdata.portal.staff;

import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.reference.ReferenceData;
import cn.zjdata.portal.reference.ReferenceService;
import cn.zjdata.portal.security.Role;
import cn.zjdata.portal.support.StaffFixtures;
import cn.zjdata.portal.support.StaffFixtures.Signed;
import cn.zjdata.portal.support.SyntheticDatasets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.zjdata.portal.staff.StaffPageFixtures.RELEASE_2;
import static cn.zjdata.portal.staff.StaffPageFixtures.RELEASE_2_INVALID;
import static cn.zjdata.portal.staff.StaffPageFixtures.gbk;
import static cn.zjdata.portal.staff.StaffPageFixtures.html;
import static cn.zjdata.portal.staff.StaffPageFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The staff pages as a browser uses them: forms posted with the session cookie and the CSRF field, 303s after
 * each change, pages shown again with what was refused under the problem's status.
 */
@QuarkusTest
class StaffPagesTest {

    static final String ACCEPT_HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final Pattern UPLOAD_PAGE = Pattern.compile("/staff/datasets/[^/]+/uploads/([0-9a-f-]{36})$");

    @Inject
    StaffFixtures staff;
    @Inject
    SyntheticDatasets synthetic;
    @Inject
    StaffService service;
    @Inject
    ReferenceService reference;

    /** A browser request: HTML wanted, redirects not followed. */
    static RequestSpecification browser() {
        return RestAssured.given().accept(ACCEPT_HTML).redirects().follow(false);
    }

    /** A browser request of a signed-in member (session cookie). */
    static RequestSpecification as(Signed signed) {
        return browser().cookie("portal_session", signed.sessionCookie());
    }

    static RequestSpecification form(Signed signed) {
        return as(signed).contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8)).formParam("csrf", signed.csrfToken());
    }

    /** Sends a file through the dataset page's upload form. */
    static Response upload(Signed signed, String slug, String fileName, byte[] content) {
        return as(signed).multiPart("csrf", signed.csrfToken())
                .multiPart("file", fileName, content, "text/csv")
                .post("/staff/datasets/" + slug + "/uploads");
    }

    private Signed publisher() {
        return staff.signedIn(Role.PUBLISHER, SyntheticDatasets.PUBLISHER);
    }

    private static String location(Response response) {
        String location = response.getHeader("Location");
        assertNotNull(location, "a Location header");
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    // --- signing in ------------------------------------------------------------------------

    @Test
    void signingInSetsAnHttpOnlySameSiteLaxSessionCookieAndRedirectsToTheNextPage() {
        String username = staff.account(Role.PUBLISHER, SyntheticDatasets.PUBLISHER);
        Response response = browser().contentType(ContentType.URLENC)
                .formParam("username", username).formParam("password", StaffFixtures.PASSWORD)
                .formParam("next", "/staff/datasets/new")
                .post("/staff/sign-in");
        assertEquals(303, response.statusCode());
        assertEquals("/staff/datasets/new", location(response));
        String cookie = response.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("portal_session=")).findFirst().orElseThrow();
        assertTrue(cookie.matches("portal_session=[^;]{20,};.*"), cookie);
        assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);

        // The new session opens the dashboard.
        String session = cookie.substring("portal_session=".length(), cookie.indexOf(';'));
        String dashboard = browser().cookie("portal_session", session).get("/staff").then().statusCode(200).extract().asString();
        assertTrue(dashboard.contains(html(text("zh", "signed_in_as").replace("{username}", username))), dashboard);
    }

    @Test
    void signingInNeverRedirectsOffTheStaffPages() {
        String username = staff.account(Role.PUBLISHER, SyntheticDatasets.PUBLISHER);
        for (String next : List.of("https://evil.example/", "//evil.example/staff", "/datasets", "/\\evil.example", "/staffing")) {
            Response response = browser().contentType(ContentType.URLENC)
                    .formParam("username", username).formParam("password", StaffFixtures.PASSWORD)
                    .formParam("next", next).post("/staff/sign-in");
            assertEquals(303, response.statusCode(), next);
            assertEquals("/staff", location(response), next);
        }
    }

    @Test
    void signingInWhileSignedInTakesTheCsrfFieldTheFormCarries() {
        Signed signed = publisher();
        String page = as(signed).get("/staff/sign-in").then().statusCode(200).extract().asString();
        assertTrue(page.contains("name=\"csrf\" value=\"" + signed.csrfToken() + "\""), page);
        String other = staff.account(Role.PUBLISHER, SyntheticDatasets.PUBLISHER);
        assertEquals(403, as(signed).contentType(ContentType.URLENC).formParam("username", other)
                .formParam("password", StaffFixtures.PASSWORD).post("/staff/sign-in").statusCode());
        assertEquals(303, form(signed).formParam("username", other).formParam("password", StaffFixtures.PASSWORD)
                .post("/staff/sign-in").statusCode());
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWith401AndSetsNoCookie() {
        String username = staff.account(Role.PUBLISHER, SyntheticDatasets.PUBLISHER);
        for (String lang : List.of("zh", "en")) {
            Response response = browser().contentType(ContentType.URLENC).queryParam("lang", lang)
                    .formParam("username", username).formParam("password", "not-the-password")
                    .formParam("next", "/staff/datasets/new")
                    .post("/staff/sign-in");
            assertEquals(401, response.statusCode());
            assertTrue(response.contentType().startsWith("text/html"), response.contentType());
            String page = response.asString();
            assertTrue(page.contains("role=\"alert\""), page);
            assertTrue(page.contains(html(text(lang, "sign_in_wrong"))), page);
            assertTrue(page.contains("value=\"" + username + "\""), "the username is kept");
            assertTrue(page.contains("name=\"next\" value=\"/staff/datasets/new\""), "the next page is kept");
            assertFalse(response.getHeaders().getValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("portal_session=")));
        }
    }

    @Test
    void aSignInWithoutAPasswordShowsTheFormAgainWith422() {
        String page = browser().contentType(ContentType.URLENC).formParam("username", "someone").formParam("password", "")
                .post("/staff/sign-in").then().statusCode(422).extract().asString();
        assertTrue(page.contains(html(text("zh", "sign_in_missing"))), page);
    }

    @Test
    void aLockedAccountShowsTheFormAgainWith429AndWhenToTryAgain() {
        String username = staff.account(Role.PUBLISHER, SyntheticDatasets.PUBLISHER);
        for (int i = 0; i < 5; i++) {
            browser().contentType(ContentType.URLENC).formParam("username", username).formParam("password", "wrong-" + i)
                    .post("/staff/sign-in").then().statusCode(401);
        }
        String page = browser().contentType(ContentType.URLENC).queryParam("lang", "en")
                .formParam("username", username).formParam("password", StaffFixtures.PASSWORD)
                .post("/staff/sign-in").then().statusCode(429).extract().asString();
        String expected = text("en", "sign_in_locked_until");
        assertTrue(page.contains(expected.substring(0, expected.indexOf('{'))), page);
        assertTrue(Pattern.compile("Try again after \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2}").matcher(page).find(), page);
    }

    @Test
    void signingOutEndsTheSessionClearsTheCookieAndRedirectsHome() {
        Signed signed = publisher();
        Response response = form(signed).post("/staff/sign-out");
        assertEquals(303, response.statusCode());
        assertEquals("/", location(response));
        assertTrue(response.getHeaders().getValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("portal_session=") && c.contains("Max-Age=0")), response.getHeaders().toString());
        // The old cookie no longer opens anything.
        assertEquals(303, as(signed).get("/staff").statusCode());
    }

    // --- access ------------------------------------------------------------------------------

    @Test
    void anonymousReadersOfStaffPagesAreSentToSignInWithThePageToComeBackTo() {
        Response dashboard = browser().get("/staff");
        assertEquals(303, dashboard.statusCode());
        assertEquals("/staff/sign-in?next=%2Fstaff", location(dashboard));

        Response page = browser().get("/staff/datasets/some-dataset?lang=en");
        assertEquals(303, page.statusCode());
        String next = URLDecoder.decode(location(page).substring("/staff/sign-in?next=".length()), StandardCharsets.UTF_8);
        assertEquals("/staff/datasets/some-dataset?lang=en", next);

        // A form sent after the session ended comes back to the page the form was on.
        Response post = browser().contentType(ContentType.URLENC).formParam("reason", "x")
                .post("/staff/datasets/some-dataset/withdrawal");
        assertEquals(303, post.statusCode());
        assertEquals("/staff/sign-in?next=%2Fstaff%2Fdatasets%2Fsome-dataset", location(post));

        // The sign-in form itself is open.
        browser().get("/staff/sign-in").then().statusCode(200);
    }

    @Test
    void aFormPostWithoutTheCsrfFieldIsRefusedWith403AndChangesNothing() {
        Signed signed = publisher();
        String slug = StaffPageFixtures.publishYearValue(synthetic, "csrf");
        long version = service.show(signed.actor(), slug).dataset().version();

        Response withdrawal = as(signed).contentType(ContentType.URLENC).formParam("reason", "forged")
                .post("/staff/datasets/" + slug + "/withdrawal");
        assertEquals(403, withdrawal.statusCode());
        Response wrongToken = as(signed).contentType(ContentType.URLENC).formParam("csrf", "not-the-token")
                .formParam("reason", "forged").post("/staff/datasets/" + slug + "/withdrawal");
        assertEquals(403, wrongToken.statusCode());
        Response upload = as(signed).multiPart("file", "data.csv", gbk(RELEASE_2), "text/csv")
                .post("/staff/datasets/" + slug + "/uploads");
        assertEquals(403, upload.statusCode());
        Response signOut = as(signed).contentType(ContentType.URLENC).formParam("x", "y").post("/staff/sign-out");
        assertEquals(403, signOut.statusCode());

        StaffViews.DatasetDetail after = service.show(signed.actor(), slug);
        assertEquals("published", after.dataset().status());
        assertEquals(version, after.dataset().version());
        assertTrue(after.uploads().isEmpty());
        browser().get("/datasets/" + slug).then().statusCode(200);
        as(signed).get("/staff").then().statusCode(200); // still signed in
    }

    @Test
    void aPublisherOfAnotherDepartmentGets403OnAnotherDepartmentsDataset() {
        String other = "synthetic-other-publisher";
        if (reference.findPublisher(other).isEmpty()) {
            reference.sync(new ReferenceData(null, List.of(new ReferenceData.PublisherData(other,
                    LocalizedText.of("另一个合成测试发布者", "Another synthetic test publisher"), null,
                    LocalizedText.of("仅用于测试。", "For tests only."), "test")), null, null, null, null, null, null, null, null));
        }
        String slug = StaffPageFixtures.publishYearValue(synthetic, "other-department");
        Signed outsider = staff.signedIn(Role.PUBLISHER, other);
        Response page = as(outsider).get("/staff/datasets/" + slug);
        assertEquals(403, page.statusCode());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertEquals(403, form(outsider).formParam("reason", "not mine").post("/staff/datasets/" + slug + "/withdrawal").statusCode());
        assertEquals(403, upload(outsider, slug, "data.csv", gbk(RELEASE_2)).statusCode());
        assertFalse(as(outsider).get("/staff").asString().contains(slug), "the dashboard does not list it");
    }

    @Test
    void staffPagesSendNoStoreAndNoindex() {
        Signed signed = publisher();
        String slug = StaffPageFixtures.publishYearValue(synthetic, "no-store");
        String uploadPage = location(upload(signed, slug, "data.csv", gbk(RELEASE_2)));
        for (Response response : List.of(browser().get("/staff/sign-in"), browser().get("/staff"),
                as(signed).get("/staff"), as(signed).get("/staff/datasets/new"), as(signed).get("/staff/datasets/" + slug),
                as(signed).get(uploadPage), as(signed).get("/staff/datasets/no-such-dataset"),
                upload(signed, slug, "data.csv", gbk(RELEASE_2_INVALID)))) {
            assertEquals("no-store", response.getHeader("Cache-Control"), response.statusCode() + " " + response.asString());
            assertEquals("noindex", response.getHeader("X-Robots-Tag"));
            if (response.statusCode() == 200) {
                assertTrue(response.asString().contains("<meta name=\"robots\" content=\"noindex\">"));
            }
        }
        assertEquals(404, as(signed).get("/staff/datasets/no-such-dataset").statusCode());
    }

    // --- uploads and releases -----------------------------------------------------------------

    @Test
    void aGbkCsvUploadedThroughTheFormLeadsToTheUploadPageShowingGb18030AndTheDifference() {
        Signed signed = publisher();
        String slug = StaffPageFixtures.publishYearValue(synthetic, "gbk");
        Response response = upload(signed, slug, "data-gbk.csv", gbk(RELEASE_2));
        assertEquals(303, response.statusCode(), response.asString());
        String uploadPage = location(response);
        assertTrue(UPLOAD_PAGE.matcher(uploadPage).find(), uploadPage);

        String page = as(signed).queryParam("lang", "en").get(uploadPage).then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"detected-encoding\">GB18030<"), page);
        assertTrue(page.contains("id=\"detected-format\">CSV<"), page);
        assertTrue(page.contains("id=\"detected-rows\">3<"), page);
        assertTrue(page.contains("id=\"diff-added\">1<"), page);
        assertTrue(page.contains("id=\"diff-removed\">1<"), page);
        assertTrue(page.contains("id=\"diff-changed\">1<"), page);
        assertTrue(page.contains("id=\"diff-unchanged\">1<"), page);
        assertTrue(page.contains("<td class=\"changed\"><del>2.5</del> <ins>2.75</ins></td>"), page);
        assertTrue(page.contains("<td>2022</td>"), "the preview shows the rows");
        assertFalse(page.contains("name=\"confirmSchemaChange\""), "the columns did not change");
        assertTrue(page.contains(html(text("en", "diff_same_columns"))), page);
    }

    @Test
    void anInvalidUploadShowsTheRowAndColumnOfTheErrorAndStoresNoUpload() {
        Signed signed = publisher();
        String slug = StaffPageFixtures.publishYearValue(synthetic, "invalid");
        Response response = upload(signed, slug, "data-gbk.csv", gbk(RELEASE_2_INVALID));
        assertEquals(422, response.statusCode());
        String page = response.asString();
        assertTrue(page.contains("id=\"upload-report\""), page);
        assertTrue(page.contains("<td class=\"num\">3</td><td><code>数值</code></td><td><code>二点七五</code></td>"), page);
        assertTrue(page.contains(html(text("zh", "upload_refused"))), page);
        assertTrue(page.contains("action=\"/staff/datasets/" + slug + "/uploads\""), "the upload form is there to try again");
        assertTrue(service.show(signed.actor(), slug).uploads().isEmpty(), "no upload is kept");
    }

    @Test
    void aFileThatIsNotATableIsRefusedWith415OnTheDatasetPage() {
        Signed signed = publisher();
        String slug = StaffPageFixtures.publishYearValue(synthetic, "not-a-table");
        Response response = as(signed).multiPart("csrf", signed.csrfToken())
                .multiPart("file", "picture.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}, "image/png")
                .post("/staff/datasets/" + slug + "/uploads");
        assertEquals(415, response.statusCode());
        assertTrue(response.asString().contains(html(text("zh", "upload_refused_type"))), response.asString());
        assertTrue(service.show(signed.actor(), slug).uploads().isEmpty());
    }

    @Test
    void publishingWithAChangeNoteMakesThePublicPageShowTheNewReleaseAndItsNote() {
        Signed signed = publisher();
        String slug = StaffPageFixtures.publishYearValue(synthetic, "publish");
        String uploadPage = location(upload(signed, slug, "data.csv", gbk(RELEASE_2)));
        Matcher id = UPLOAD_PAGE.matcher(uploadPage);
        assertTrue(id.find());
        long version = service.show(signed.actor(), slug).dataset().version();

        // Without a note the form comes back with 422 and the note's error beside it.
        Response refused = form(signed).formParam("upload", id.group(1)).formParam("expectedVersion", version)
                .formParam("changeNote", " ").post("/staff/datasets/" + slug + "/releases");
        assertEquals(422, refused.statusCode());
        assertTrue(refused.asString().contains("id=\"change-note-error\""), refused.asString());

        String note = "更正2020年数值，补充2022年 / corrected 2020, added 2022";
        Response published = form(signed).formParam("upload", id.group(1)).formParam("expectedVersion", version)
                .formParam("changeNote", note).post("/staff/datasets/" + slug + "/releases");
        assertEquals(303, published.statusCode(), published.asString());
        assertEquals("/staff/datasets/" + slug + "?notice=published&release=2", location(published));
        String staffPage = as(signed).get(location(published)).then().statusCode(200).extract().asString();
        assertTrue(staffPage.contains(html(text("zh", "notice_published").replace("{release}", "2"))), staffPage);

        String publicPage = browser().get("/datasets/" + slug).then().statusCode(200).extract().asString();
        assertTrue(publicPage.contains("第 2 版"), publicPage);
        assertTrue(publicPage.contains(html(note)), publicPage);

        // The upload is used: publishing it again is a conflict, shown on its page.
        Response again = form(signed).formParam("upload", id.group(1)).formParam("changeNote", "again")
                .post("/staff/datasets/" + slug + "/releases");
        assertEquals(409, again.statusCode());
    }

    @Test
    void aStaleVersionOnTheUploadPageIsAConflictShownWith409() {
        Signed signed = publisher();
        String slug = StaffPageFixtures.publishYearValue(synthetic, "stale");
        String uploadPage = location(upload(signed, slug, "data.csv", gbk(RELEASE_2)));
        Matcher id = UPLOAD_PAGE.matcher(uploadPage);
        assertTrue(id.find());
        long version = service.show(signed.actor(), slug).dataset().version();
        Response response = form(signed).formParam("upload", id.group(1)).formParam("expectedVersion", version - 1)
                .formParam("changeNote", "based on an old page").post("/staff/datasets/" + slug + "/releases");
        assertEquals(409, response.statusCode());
        assertTrue(response.asString().contains(html(text("zh", "conflict"))), response.asString());
        assertEquals(1, service.show(signed.actor(), slug).dataset().currentRelease());
    }

    // --- metadata, withdrawal -------------------------------------------------------------------

    @Test
    void invalidMetadataForANewDatasetComesBackWith422AndEachErrorBesideItsField() {
        Signed signed = publisher();
        Response response = form(signed)
                .formParam("identifier", "Not An Identifier")
                .formParam("title_zh", "")
                .formParam("description_zh", "说明")
                .formParam("publisher", SyntheticDatasets.PUBLISHER)
                .formParam("license", SyntheticDatasets.LICENSE)
                .formParam("frequency", SyntheticDatasets.FREQUENCY)
                .formParam("temporal_start", "2020").formParam("temporal_end", "2019")
                // Row 0 is left blank; rows 1 and 2 repeat a name, so the error is on form row 2.
                .formParam("col_original", "", "", "")
                .formParam("col_name", "", "年份", "年份")
                .formParam("col_title_zh", "", "", "")
                .formParam("col_title_en", "", "", "")
                .formParam("col_datatype", "string", "integer", "decimal")
                .formParam("col_unit", "", "", "")
                .formParam("primary_key", "编号")
                .post("/staff/datasets/new");
        assertEquals(422, response.statusCode());
        String page = response.asString();
        assertTrue(page.contains("role=\"alert\""), page);
        for (String id : List.of("m-identifier-error", "m-title_zh-error", "m-themes-error", "m-temporal_end-error",
                "m-col-2-name-error", "m-primary_key-error")) {
            assertTrue(page.contains("id=\"" + id + "\""), id + " in " + page);
        }
        assertFalse(page.contains("id=\"m-col-1-name-error\""), "the first 年份 is fine");
        assertTrue(page.contains("value=\"Not An Identifier\""), "what was typed is kept");

        // A form naming no publisher at all is refused by the same rules (it was a 500 before the fix).
        String noPublisher = form(signed).formParam("identifier", SyntheticDatasets.newSlug("no-publisher"))
                .formParam("col_name", "年份").formParam("col_datatype", "integer")
                .post("/staff/datasets/new").then().statusCode(422).extract().asString();
        assertTrue(noPublisher.contains("id=\"m-publisher-error\""), noPublisher);
    }

    @Test
    void aNewDatasetIsCreatedAsADraftAndItsPageOffersTheUpload() {
        Signed signed = publisher();
        String slug = SyntheticDatasets.newSlug("new-draft");
        Response response = form(signed)
                .formParam("identifier", slug)
                .formParam("title_zh", "合成测试草稿").formParam("title_en", "Synthetic test draft")
                .formParam("description_zh", "测试生成的合成数据，不是事实。")
                .formParam("publisher", SyntheticDatasets.PUBLISHER)
                .formParam("themes", SyntheticDatasets.THEME)
                .formParam("keywords_zh", "合成，测试").formParam("keywords_en", "synthetic, test")
                .formParam("license", SyntheticDatasets.LICENSE)
                .formParam("frequency", SyntheticDatasets.FREQUENCY)
                .formParam("spatial", "")
                .formParam("col_original", "", "", "")
                .formParam("col_name", "年份", "数值", "")
                .formParam("col_title_zh", "年份", "数值", "")
                .formParam("col_title_en", "Year", "Value", "")
                .formParam("col_datatype", "integer", "decimal", "string")
                .formParam("col_required", "0")
                .formParam("col_unit", "", "亿元", "")
                .formParam("primary_key", "年份")
                .post("/staff/datasets/new");
        assertEquals(303, response.statusCode(), response.asString());
        assertEquals("/staff/datasets/" + slug + "?notice=created", location(response));

        StaffViews.DatasetDetail detail = service.show(signed.actor(), slug);
        assertEquals("draft", detail.dataset().status());
        String page = as(signed).get("/staff/datasets/" + slug).then().statusCode(200).extract().asString();
        assertTrue(page.contains("enctype=\"multipart/form-data\""), page);
        assertTrue(page.contains("value=\"亿元\""), "the saved unit fills the form");
        browser().get("/datasets/" + slug).then().statusCode(404);
    }

    @Test
    void savingMetadataFromAStalePageIsAConflictShownWith409() {
        Signed signed = publisher();
        String slug = StaffPageFixtures.publishYearValue(synthetic, "metadata");
        long version = service.show(signed.actor(), slug).dataset().version();
        RequestSpecification save = form(signed)
                .formParam("expectedVersion", version)
                .formParam("title_zh", "合成测试数据（已修改）").formParam("title_en", "Synthetic test data (edited)")
                .formParam("description_zh", "测试生成的合成数据，不是事实。")
                .formParam("publisher", SyntheticDatasets.PUBLISHER)
                .formParam("themes", SyntheticDatasets.THEME)
                .formParam("license", SyntheticDatasets.LICENSE)
                .formParam("frequency", SyntheticDatasets.FREQUENCY)
                .formParam("col_original", "年份", "数值")
                .formParam("col_name", "年份", "数值")
                .formParam("col_title_zh", "年份", "数值")
                .formParam("col_title_en", "Year", "Value")
                .formParam("col_datatype", "integer", "decimal")
                .formParam("col_required", "0")
                .formParam("col_unit", "", "")
                .formParam("primary_key", "年份");
        Response saved = save.post("/staff/datasets/" + slug + "/metadata");
        assertEquals(303, saved.statusCode(), saved.asString());
        assertEquals("/staff/datasets/" + slug + "?notice=saved", location(saved));
        assertTrue(service.show(signed.actor(), slug).dataset().pendingMetadata());

        String page = as(signed).get("/staff/datasets/" + slug).then().extract().asString();
        assertTrue(page.contains("name=\"metadataOnly\" value=\"true\""), "a metadata-only release is offered");

        Response stale = save.post("/staff/datasets/" + slug + "/metadata");
        assertEquals(409, stale.statusCode());
        assertTrue(stale.asString().contains(html(text("zh", "conflict"))), stale.asString());
    }

    @Test
    void withdrawingAReleaseNeedsAReasonAndThenAnswers410Publicly() {
        Signed signed = publisher();
        String slug = StaffPageFixtures.publishYearValue(synthetic, "withdraw");
        Response refused = form(signed).formParam("reason", "").post("/staff/datasets/" + slug + "/releases/1/withdrawal");
        assertEquals(422, refused.statusCode());
        assertTrue(refused.asString().contains("id=\"withdraw-1-error\""), refused.asString());

        Response withdrawn = form(signed).formParam("reason", "合成测试撤回").post("/staff/datasets/" + slug + "/releases/1/withdrawal");
        assertEquals(303, withdrawn.statusCode());
        assertEquals("/staff/datasets/" + slug + "?notice=release-withdrawn&release=1", location(withdrawn));
        browser().get("/datasets/" + slug).then().statusCode(410);
        as(signed).get(location(withdrawn)).then().statusCode(200);
    }
}
