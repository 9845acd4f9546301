package cn.zjdata.portal.staff;

import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.publishing.StaffUpload;
import cn.zjdata.portal.security.AccountService;
import cn.zjdata.portal.security.Role;
import cn.zjdata.portal.support.Bundles;
import cn.zjdata.portal.support.StaffFixtures;
import cn.zjdata.portal.support.StaffFixtures.Signed;
import cn.zjdata.portal.support.SyntheticDatasets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The staff administration pages, driven as a browser drives them: session cookie, forms with the CSRF field. */
@QuarkusTest
@Tag("database")
class AdminPagesTest {

    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final Pattern SECRET = Pattern.compile("zjp_[A-Za-z0-9_-]{20,}");
    private static final List<String> PAGES = List.of("/staff/tokens", "/staff/accounts", "/staff/audit", "/staff/reviews");

    @Inject
    StaffFixtures staff;
    @Inject
    ReviewSetup reviews;
    @Inject
    AccountService accounts;

    /** A browser of the signed-in member asking for pages; redirects are not followed. */
    private static RequestSpecification browser(Signed who) {
        return given().redirects().follow(false).accept("text/html").cookie("portal_session", who.sessionCookie());
    }

    /** A form the portal's own page sent: the session's CSRF token in the {@code csrf} field. */
    private static RequestSpecification form(Signed who) {
        return browser(who).contentType(FORM).formParam("csrf", who.csrfToken());
    }

    @Test
    void anonymousVisitorsAreSentToTheSignInPageAndComeBackAfterwards() {
        for (String page : PAGES) {
            given().redirects().follow(false).accept("text/html").get(page).then()
                    .statusCode(303)
                    .header("Location", containsString("/staff/sign-in?next=" + page.replace("/", "%2F")));
        }
        given().redirects().follow(false).contentType(FORM).formParam("name", "x").post("/staff/tokens").then()
                .statusCode(303).header("Location", containsString("/staff/sign-in?next=%2Fstaff%2Ftokens"));
    }

    @Test
    void pagesAreNeverCachedNotIndexedAndFollowTheChosenLanguage() {
        Signed admin = staff.signedIn(Role.ADMIN);
        for (String page : PAGES) {
            Response zh = browser(admin).get(page);
            assertEquals(200, zh.statusCode(), page);
            assertEquals("no-store", zh.header("Cache-Control"), page);
            assertTrue(zh.asString().contains("<meta name=\"robots\" content=\"noindex\">"), page);
            assertTrue(zh.asString().contains("lang=\"zh-CN\""), page);
            assertTrue(zh.asString().contains(AdminBundle.zh("nav_tokens")), page);
            Response en = browser(admin).queryParam("lang", "en").get(page);
            assertEquals(200, en.statusCode(), page);
            assertTrue(en.asString().contains("<html lang=\"en\">"), page);
            assertTrue(en.asString().contains(AdminBundle.en("nav_tokens")), page);
        }
    }

    @Test
    void aTokenCreatedThroughThePageIsShownOnceWorksAsABearerTokenAndStopsWorkingWhenRevoked() {
        Signed publisher = staff.signedIn(Role.PUBLISHER, SyntheticDatasets.PUBLISHER);
        String created = form(publisher).formParam("name", "nightly upload").formParam("departments", SyntheticDatasets.PUBLISHER)
                .formParam("expiresInDays", "30").post("/staff/tokens")
                .then().statusCode(200).header("Cache-Control", "no-store")
                .body(containsString(AdminBundle.zh("tokens_copy_now")), containsString("/api/staff/datasets"))
                .extract().asString();
        Matcher m = SECRET.matcher(created);
        assertTrue(m.find(), "the answer shows the secret");
        String secret = m.group();
        assertTrue(created.contains("curl -H &quot;Authorization: Bearer " + secret + "&quot;"), "with a curl example");

        String list = browser(publisher).get("/staff/tokens").then().statusCode(200)
                .body(containsString("nightly upload"), containsString(secret.substring(0, 10)))
                .extract().asString();
        assertFalse(list.contains(secret), "the list never shows the secret again");

        StaffFixtures.withToken(secret).get("/api/staff/datasets").then().statusCode(200);

        Matcher revoke = Pattern.compile("action=\"/staff/tokens/(\\d+)/revocation\"").matcher(list);
        assertTrue(revoke.find(), "the token has a revoke form");
        form(publisher).post("/staff/tokens/" + revoke.group(1) + "/revocation").then()
                .statusCode(303).header("Location", containsString("/staff/tokens?notice=token-revoked"));
        browser(publisher).get("/staff/tokens?notice=token-revoked").then().statusCode(200)
                .body(containsString(AdminBundle.zh("notice_token_revoked")), containsString(AdminBundle.zh("tokens_revoked")));
        StaffFixtures.withToken(secret).get("/api/staff/datasets").then().statusCode(401);
    }

    @Test
    void aTokenRequestWithErrorsIsShownAgainWithEachErrorBesideItsField() {
        Signed publisher = staff.signedIn(Role.PUBLISHER, SyntheticDatasets.PUBLISHER);
        String page = form(publisher).queryParam("lang", "en").formParam("name", " ").formParam("expiresInDays", "9999")
                .post("/staff/tokens").then().statusCode(422).extract().asString();
        assertTrue(page.contains("id=\"token-name-error\""), page);
        assertTrue(page.contains("id=\"token-days-error\""), page);
        assertFalse(SECRET.matcher(page).find(), "no token was made");
    }

    @Test
    void aPublisherMayNotSeeTheAccountsTheAuditLogOrTheReviewQueue() {
        Signed publisher = staff.signedIn(Role.PUBLISHER, SyntheticDatasets.PUBLISHER);
        for (String page : List.of("/staff/accounts", "/staff/audit", "/staff/reviews", "/staff/accounts/" + publisher.username())) {
            browser(publisher).get(page).then().statusCode(403).contentType(startsWith("text/html"))
                    .body(containsString(Bundles.zh("error_forbidden_title")));
        }
        form(publisher).formParam("username", "not-made-" + UUID.randomUUID().toString().substring(0, 8))
                .formParam("displayName", "x").formParam("role", "admin").post("/staff/accounts").then().statusCode(403);
        form(publisher).formParam("reviewRequired", "true").post("/staff/departments/" + SyntheticDatasets.PUBLISHER + "/review")
                .then().statusCode(403);
    }

    @Test
    void anAdministratorCreatesAnAccountThroughTheFormAndFindsItInTheAuditLog() {
        Signed admin = staff.signedIn(Role.ADMIN);
        String username = "form-made-" + UUID.randomUUID().toString().substring(0, 8);
        form(admin).formParam("username", username).formParam("displayName", "表单创建的账号")
                .formParam("role", "publisher").formParam("departments", SyntheticDatasets.PUBLISHER)
                .formParam("password", StaffFixtures.PASSWORD).post("/staff/accounts").then()
                .statusCode(303).header("Location", containsString("/staff/accounts?notice=account-created&subject=" + username));
        AccountService.AccountView made = accounts.show(ReviewSetup.ADMIN, username);
        assertEquals("publisher", made.role());
        assertEquals("表单创建的账号", made.displayName());
        browser(admin).get("/staff/accounts?notice=account-created&subject=" + username).then().statusCode(200)
                .body(containsString("/staff/accounts/" + username), containsString("表单创建的账号"));

        browser(admin).queryParam("target", username).get("/staff/audit").then().statusCode(200)
                .body(containsString("<span class=\"tag\">create-account</span>"), containsString(admin.username()), containsString("&quot;username&quot; : &quot;" + username));
        staff.signIn(username);
        browser(admin).queryParam("actor", username).queryParam("action", "sign-in").get("/staff/audit").then().statusCode(200)
                .body(containsString("<span class=\"tag\">sign-in</span>"), containsString("signed in (password)"),
                        not(containsString("<span class=\"tag\">create-account</span>")));
        browser(admin).queryParam("from", "yesterday").get("/staff/audit").then().statusCode(400)
                .body(containsString("id=\"audit-from-error\""));
    }

    @Test
    void anAccountFormWithErrorsOrAStaleVersionIsShownAgainAndChangesNothing() {
        Signed admin = staff.signedIn(Role.ADMIN);
        form(admin).formParam("username", "X").formParam("displayName", "").formParam("role", "publisher")
                .post("/staff/accounts").then().statusCode(422)
                .body(containsString("id=\"account-username-error\""), containsString("id=\"account-display-name-error\""),
                        containsString("id=\"account-departments-error\""));

        String username = staff.account(Role.PUBLISHER, SyntheticDatasets.PUBLISHER);
        String edit = browser(admin).get("/staff/accounts/" + username).then().statusCode(200).extract().asString();
        Matcher version = Pattern.compile("name=\"expectedVersion\" value=\"(\\d+)\"").matcher(edit);
        assertTrue(version.find(), edit);
        accounts.update(ReviewSetup.ADMIN, username, new AccountService.AccountChange(null, "Changed elsewhere", null, null, null, null, null));
        form(admin).formParam("displayName", "Mine").formParam("role", "publisher").formParam("departments", SyntheticDatasets.PUBLISHER)
                .formParam("enabled", "true").formParam("expectedVersion", version.group(1))
                .post("/staff/accounts/" + username).then().statusCode(409)
                .body(containsString(AdminBundle.zh("notice_account_stale").replace("{subject}", username)),
                        containsString("value=\"Changed elsewhere\""));
        assertEquals("Changed elsewhere", accounts.show(ReviewSetup.ADMIN, username).displayName());

        String fresh = browser(admin).get("/staff/accounts/" + username).then().extract().asString();
        Matcher now = Pattern.compile("name=\"expectedVersion\" value=\"(\\d+)\"").matcher(fresh);
        assertTrue(now.find());
        form(admin).formParam("displayName", "Mine").formParam("role", "reviewer").formParam("departments", SyntheticDatasets.PUBLISHER)
                .formParam("expectedVersion", now.group(1)).post("/staff/accounts/" + username).then()
                .statusCode(303).header("Location", endsWith("/staff/accounts/" + username + "?notice=account-saved"));
        AccountService.AccountView saved = accounts.show(ReviewSetup.ADMIN, username);
        assertEquals("reviewer", saved.role());
        assertFalse(saved.enabled(), "an unchecked box disables the account");
    }

    @Test
    void aFormWithoutTheCsrfFieldIsRefusedAndChangesNothing() {
        Signed admin = staff.signedIn(Role.ADMIN);
        String username = "forged-" + UUID.randomUUID().toString().substring(0, 8);
        browser(admin).contentType(FORM).formParam("username", username).formParam("displayName", "Forged")
                .formParam("role", "admin").formParam("password", StaffFixtures.PASSWORD).post("/staff/accounts")
                .then().statusCode(403);
        ProblemException missing = assertThrows(ProblemException.class, () -> accounts.show(ReviewSetup.ADMIN, username));
        assertEquals(404, missing.status());

        browser(admin).contentType(FORM).formParam("csrf", "not-the-token").formParam("name", "forged token")
                .post("/staff/tokens").then().statusCode(403);
        browser(admin).get("/staff/tokens").then().statusCode(200).body(not(containsString("forged token")));
    }

    @Test
    void aReviewerApprovesASubmittedUploadAndTheReleaseGoesLive() {
        ReviewSetup.Submitted waiting = reviews.submitted();
        Signed reviewer = staff.signedIn(Role.REVIEWER, waiting.department());
        given().get("/api/datasets/" + waiting.dataset() + "/releases/2").then().statusCode(404);

        browser(reviewer).get("/staff/reviews").then().statusCode(200)
                .body(containsString(waiting.dataset()), containsString(waiting.publisher().username()),
                        containsString(ReviewSetup.CHANGE_NOTE), containsString("新增 1 行，删除 0 行，修改 1 行，未变 1 行"),
                        containsString("action=\"/staff/reviews/" + waiting.upload() + "/approval\""),
                        containsString("href=\"/datasets/" + waiting.dataset() + "\""));

        form(reviewer).post("/staff/reviews/" + waiting.upload() + "/approval").then().statusCode(303)
                .header("Location", containsString("/staff/reviews?notice=approved&dataset=" + waiting.dataset() + "&release=2"));
        browser(reviewer).get("/staff/reviews?notice=approved&dataset=" + waiting.dataset() + "&release=2").then().statusCode(200)
                .body(containsString(AdminBundle.zh("notice_approved").replace("{dataset}", waiting.dataset()).replace("{release}", "2")),
                        not(containsString("/staff/reviews/" + waiting.upload() + "/approval")));

        given().get("/api/datasets/" + waiting.dataset() + "/releases/2").then().statusCode(200)
                .body("changeNote", equalTo(ReviewSetup.CHANGE_NOTE));
        given().get("/api/datasets/" + waiting.dataset() + "/data.csv").then().statusCode(200).body(containsString("2022,3.5"));
    }

    @Test
    void aReviewerRejectsWithAReasonAndARejectionWithoutOneIsShownAgain() {
        ReviewSetup.Submitted waiting = reviews.submitted();
        Signed reviewer = staff.signedIn(Role.REVIEWER, waiting.department());
        form(reviewer).formParam("reason", "  ").post("/staff/reviews/" + waiting.upload() + "/rejection").then()
                .statusCode(422).body(containsString("id=\"reason-" + waiting.upload() + "-error\""));
        form(reviewer).formParam("reason", "2021 年数值缺少来源").post("/staff/reviews/" + waiting.upload() + "/rejection").then()
                .statusCode(303).header("Location", containsString("/staff/reviews?notice=rejected&dataset=" + waiting.dataset()));
        assertEquals(StaffUpload.State.REJECTED, state(waiting.upload()));
        given().get("/api/datasets/" + waiting.dataset() + "/releases/2").then().statusCode(404);
    }

    @Test
    void aReviewerCannotApproveTheirOwnSubmission() {
        ReviewSetup.Submitted waiting = reviews.submitted();
        // The publisher who submitted becomes a reviewer of the department: still not the one to decide.
        accounts.update(ReviewSetup.ADMIN, waiting.publisher().username(),
                new AccountService.AccountChange(null, null, "reviewer", null, null, null, null));
        Signed self = staff.signIn(waiting.publisher().username());

        browser(self).get("/staff/reviews").then().statusCode(200)
                .body(containsString(waiting.dataset()), containsString(AdminBundle.zh("reviews_own")),
                        not(containsString("/staff/reviews/" + waiting.upload() + "/approval")));
        form(self).post("/staff/reviews/" + waiting.upload() + "/approval").then().statusCode(403).contentType(startsWith("text/html"));
        assertEquals(StaffUpload.State.SUBMITTED, state(waiting.upload()));
        given().get("/api/datasets/" + waiting.dataset() + "/releases/2").then().statusCode(404);
    }

    @Test
    void anAdministratorTurnsReviewOffAndOnForADepartment() {
        Signed admin = staff.signedIn(Role.ADMIN);
        String department = reviews.reviewedDepartment();
        form(admin).formParam("reviewRequired", "false").post("/staff/departments/" + department + "/review").then()
                .statusCode(303).header("Location", containsString("/staff/accounts?notice=department-updated&subject=" + department));
        assertFalse(accounts.departments(ReviewSetup.ADMIN).stream().filter(d -> d.id().equals(department)).findFirst().orElseThrow().reviewRequired());
        form(admin).formParam("reviewRequired", "true").post("/staff/departments/" + department + "/review").then().statusCode(303);
        assertTrue(accounts.departments(ReviewSetup.ADMIN).stream().filter(d -> d.id().equals(department)).findFirst().orElseThrow().reviewRequired());
    }

    private static StaffUpload.State state(String upload) {
        return QuarkusTransaction.requiringNew().call(() -> StaffUpload.<StaffUpload>findById(upload).state);
    }
}
