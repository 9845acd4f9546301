package cn.zjdata.portal.staff;

import cn.zjdata.portal.security.AccountService;
import cn.zjdata.portal.security.Role;
import cn.zjdata.portal.support.StaffFixtures;
import cn.zjdata.portal.support.StaffFixtures.Signed;
import cn.zjdata.portal.support.SyntheticDatasets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The administration pages are valid HTML by the Nu HTML Checker, as {@code HtmlValidityTest} checks the public
 * pages: signed in as an administrator, in both languages, with data on them (tokens, a new secret, accounts,
 * audit entries with their JSON, a release waiting for review), with forms shown again with their errors, and
 * a refusal (403) as the error page.
 */
@QuarkusTest
@Tag("database")
class AdminPagesHtmlValidityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    @Inject
    StaffFixtures staff;
    @Inject
    ReviewSetup reviews;
    @Inject
    AccountService accounts;

    /** A page to check: its name, how to ask for it in a language, and the status it answers with. */
    private record Checked(String name, int status, Function<String, Response> request) {
    }

    private static RequestSpecification as(Signed who, String lang) {
        return given().redirects().follow(false).accept("text/html").cookie("portal_session", who.sessionCookie())
                .queryParam("lang", lang);
    }

    private static RequestSpecification form(Signed who, String lang) {
        return as(who, lang).contentType(FORM).formParam("csrf", who.csrfToken());
    }

    @TestFactory
    Stream<DynamicTest> everyAdministrationPageIsValidHtml() {
        Signed admin = staff.signedIn(Role.ADMIN);
        Signed publisher = staff.signedIn(Role.PUBLISHER, SyntheticDatasets.PUBLISHER);
        ReviewSetup.Submitted waiting = reviews.submitted();
        String member = staff.account(Role.PUBLISHER, SyntheticDatasets.PUBLISHER);
        accounts.update(ReviewSetup.ADMIN, member, new AccountService.AccountChange(null, "<b>不是标记</b> & “引号”", null, null, null, null, null));
        form(admin, "zh").formParam("name", "预先创建的令牌").formParam("departments", SyntheticDatasets.PUBLISHER).post("/staff/tokens");

        List<Checked> pages = List.of(
                new Checked("tokens", 200, lang -> as(admin, lang).get("/staff/tokens?notice=token-revoked")),
                new Checked("token created", 200, lang -> form(admin, lang).formParam("name", "CI <upload>")
                        .formParam("departments", SyntheticDatasets.PUBLISHER).formParam("expiresInDays", "7").post("/staff/tokens")),
                new Checked("token form with errors", 422, lang -> form(admin, lang).formParam("name", "")
                        .formParam("expiresInDays", "0").post("/staff/tokens")),
                new Checked("accounts", 200, lang -> as(admin, lang).get("/staff/accounts?notice=account-created&subject=" + member)),
                new Checked("account form with errors", 422, lang -> form(admin, lang).formParam("username", "A")
                        .formParam("role", "publisher").formParam("password", "short").post("/staff/accounts")),
                new Checked("account", 200, lang -> as(admin, lang).get("/staff/accounts/" + member + "?notice=account-saved")),
                new Checked("account changed by someone else", 409, lang -> form(admin, lang).formParam("displayName", "x")
                        .formParam("role", "publisher").formParam("departments", SyntheticDatasets.PUBLISHER)
                        .formParam("expectedVersion", "0").post("/staff/accounts/" + member)),
                new Checked("audit", 200, lang -> as(admin, lang).get("/staff/audit")),
                new Checked("audit filtered", 200, lang -> as(admin, lang).queryParam("action", "update-account")
                        .queryParam("target", member).get("/staff/audit")),
                new Checked("audit with a bad date", 400, lang -> as(admin, lang).queryParam("from", "2026-13-01").get("/staff/audit")),
                new Checked("reviews", 200, lang -> as(admin, lang).get("/staff/reviews?notice=approved&dataset=x&release=2")),
                new Checked("rejection without a reason", 422, lang -> form(admin, lang).formParam("reason", "")
                        .post("/staff/reviews/" + waiting.upload() + "/rejection")),
                new Checked("refused (403)", 403, lang -> as(publisher, lang).get("/staff/accounts")));

        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        validator.setNoLangDetect(true);
        List<DynamicTest> tests = new ArrayList<>();
        for (String lang : List.of("zh", "en")) {
            for (Checked page : pages) {
                String name = page.name() + " [" + lang + "]";
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    Response response = page.request().apply(lang);
                    assertEquals(page.status(), response.statusCode(), name);
                    assertTrue(response.contentType().startsWith("text/html"), name + " is HTML: " + response.contentType());
                    String report = validator.validate(new ByteArrayInputStream(response.asByteArray()));
                    List<String> errors = new ArrayList<>();
                    for (JsonNode message : JSON.readTree(report).path("messages")) {
                        String type = message.path("type").asText();
                        String line = type + " at " + message.path("lastLine").asText("?") + ":" + message.path("firstColumn").asText("?")
                                + " " + message.path("message").asText() + " «" + message.path("extract").asText("").strip() + "»";
                        if (type.equals("error") || type.equals("non-document-error")) {
                            errors.add(line);
                        } else {
                            System.out.println("[html] " + name + " " + line);
                        }
                    }
                    if (!errors.isEmpty()) {
                        fail(name + " has " + errors.size() + " HTML error(s):\n  " + String.join("\n  ", errors));
                    }
                }));
            }
        }
        return tests.stream();
    }
}
