package cn.zjdata.portal.security;

import cn.zjdata.portal.staff.StaffTestData;
import cn.zjdata.portal.support.StaffFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in, lockout, sessions and API tokens as a client meets them. */
@QuarkusTest
@Tag("database")
class SignInAndTokensTest {

    @Inject
    StaffFixtures staff;
    @Inject
    StaffTestData data;
    @Inject
    AccountService accounts;

    @BeforeEach
    void departments() {
        data.ensureDepartments();
    }

    @Test
    void signingInSetsAnHttpOnlySameSiteCookieAndGivesTheCsrfToken() {
        String username = staff.account(Role.PUBLISHER, StaffTestData.DEPT_A);
        Response response = signIn(username, StaffFixtures.PASSWORD);
        response.then().statusCode(200).header("Cache-Control", "no-store").body("csrfToken", not(equalTo(null)));
        String cookie = response.getHeader("Set-Cookie");
        assertTrue(cookie.startsWith("portal_session="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertFalse(cookie.contains("Secure"), "no Secure flag over plain HTTP: " + cookie);
        RestAssured.given().cookie("portal_session", response.getCookie("portal_session"))
                .header("X-Forwarded-Proto", "https").get("/api/staff/session").then().statusCode(200)
                .body("username", equalTo(username));
        Response overTls = RestAssured.given().header("X-Forwarded-Proto", "https").contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", StaffFixtures.PASSWORD)).post("/api/staff/session");
        assertTrue(overTls.getHeader("Set-Cookie").contains("Secure"), "Secure behind a TLS proxy");
    }

    @Test
    void theSessionSecretIsStoredOnlyAsItsHash() {
        StaffFixtures.Signed signed = staff.signedIn(Role.PUBLISHER, StaffTestData.DEPT_A);
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(null, StaffSession.findById(signed.sessionCookie()), "the raw secret is no key");
            assertTrue(StaffSession.findById(Secrets.sha256(signed.sessionCookie())) != null);
        });
    }

    @Test
    void repeatedFailuresLockTheAccountEvenAgainstTheRightPassword() {
        String username = staff.account(Role.PUBLISHER, StaffTestData.DEPT_A);
        for (int i = 0; i < 5; i++) {
            signIn(username, "wrong-password-" + i).then().statusCode(401).contentType("application/problem+json")
                    .body("detail", not(containsString(username)));
        }
        signIn(username, StaffFixtures.PASSWORD).then().statusCode(429).body("detail", containsString("try again after"));
        StaffFixtures.Signed admin = staff.signedIn(Role.ADMIN);
        admin.request().get("/api/staff/audit?action=lock&target=" + username).then().statusCode(200).body("totalItems", equalTo(1));
        // an administrator's password reset unlocks it
        admin.request().contentType(ContentType.JSON).body(Map.of("password", "Another-passw0rd-2026"))
                .put("/api/staff/accounts/" + username).then().statusCode(200);
        signIn(username, "Another-passw0rd-2026").then().statusCode(200);
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswer() {
        String username = staff.account(Role.PUBLISHER, StaffTestData.DEPT_A);
        Response unknown = signIn("nobody-" + username, StaffFixtures.PASSWORD);
        Response wrong = signIn(username, "not-the-password");
        assertEquals(401, unknown.statusCode());
        assertEquals(unknown.jsonPath().getString("detail"), wrong.jsonPath().getString("detail"));
    }

    @Test
    void signingOutEndsTheSession() {
        StaffFixtures.Signed signed = staff.signedIn(Role.PUBLISHER, StaffTestData.DEPT_A);
        signed.request().get("/api/staff/session").then().statusCode(200);
        signed.request().delete("/api/staff/session").then().statusCode(204).header("Set-Cookie", containsString("Max-Age=0"));
        signed.request().get("/api/staff/session").then().statusCode(401);
    }

    @Test
    void disablingAnAccountEndsItsSessionsAndTokens() {
        StaffFixtures.Signed signed = staff.signedIn(Role.PUBLISHER, StaffTestData.DEPT_A);
        String token = staff.token(signed, Duration.ofDays(1));
        StaffFixtures.withToken(token).get("/api/staff/datasets").then().statusCode(200);
        staff.signedIn(Role.ADMIN).request().contentType(ContentType.JSON).body(Map.of("enabled", false))
                .put("/api/staff/accounts/" + signed.username()).then().statusCode(200).body("enabled", equalTo(false));
        signed.request().get("/api/staff/session").then().statusCode(401);
        StaffFixtures.withToken(token).get("/api/staff/datasets").then().statusCode(401);
        signIn(signed.username(), StaffFixtures.PASSWORD).then().statusCode(401);
    }

    @Test
    void aTokenIsShownOnceStoredHashedAndListedWithoutItsSecret() {
        StaffFixtures.Signed signed = staff.signedIn(Role.PUBLISHER, StaffTestData.DEPT_A);
        String token = signed.request().contentType(ContentType.JSON).body(Map.of("name", "nightly import", "expiresInDays", 30))
                .post("/api/staff/tokens").then().statusCode(201).header("Cache-Control", "no-store")
                .body("token", startsWith("zjp_")).body("details.departments", equalTo(java.util.List.of(StaffTestData.DEPT_A)))
                .extract().path("token");
        String list = signed.request().get("/api/staff/tokens").then().statusCode(200)
                .body("name", hasItem("nightly import")).body("active", everyItem(equalTo(true))).extract().asString();
        assertFalse(list.contains(token), "the list never shows the secret");
        assertFalse(list.contains(token.substring(12)), "nor most of it");
        QuarkusTransaction.requiringNew().run(() ->
                assertEquals(1, ApiToken.count("tokenSha256", Secrets.sha256(token))));
    }

    @Test
    void aTokenActsOnlyForItsDepartmentsAndCannotManageTokens() {
        StaffFixtures.Signed owner = staff.signedIn(Role.PUBLISHER, StaffTestData.DEPT_A, StaffTestData.DEPT_R);
        String onlyA = staff.token(owner, Duration.ofDays(1), StaffTestData.DEPT_A);
        String slugR = data.published(StaffTestData.DEPT_R);
        StaffFixtures.withToken(onlyA).contentType("text/csv").body("year,value\n2020,1\n")
                .post("/api/staff/datasets/" + slugR + "/uploads").then().statusCode(403);
        StaffFixtures.withToken(onlyA).contentType(ContentType.JSON).body(Map.of("name", "more"))
                .post("/api/staff/tokens").then().statusCode(403);
        owner.request().contentType(ContentType.JSON).body(Map.of("name", "too wide", "departments", Set.of(StaffTestData.DEPT_O)))
                .post("/api/staff/tokens").then().statusCode(422).body("errors.field", hasItem("departments"));
        owner.request().contentType(ContentType.JSON).body(Map.of("name", "too long", "expiresInDays", 3650))
                .post("/api/staff/tokens").then().statusCode(422).body("errors.field", hasItem("expiresInDays"));
    }

    @Test
    void passwordsAreHashedWithArgon2idAndWeakOnesRefused() {
        String username = staff.account(Role.REVIEWER, StaffTestData.DEPT_A);
        String hash = QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(username).orElseThrow().passwordHash);
        assertTrue(hash.startsWith("$argon2id$"), hash);
        assertNotEquals(StaffFixtures.PASSWORD, hash);
        staff.signedIn(Role.ADMIN).request().contentType(ContentType.JSON)
                .body(Map.of("username", "weak-" + username, "displayName", "Weak", "role", "reviewer",
                        "departments", Set.of(StaffTestData.DEPT_A), "password", "short"))
                .post("/api/staff/accounts").then().statusCode(422).body("errors.field", hasItem("password"));
    }

    @Test
    void singleSignOnSaysSoWhenItIsNotConfigured() {
        RestAssured.get("/staff/sso").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("not configured"));
    }

    private static Response signIn(String username, String password) {
        return RestAssured.given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/staff/session");
    }
}
