package cn.zjdata.portal.web;

import cn.zjdata.portal.support.PortalPages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every page, in both languages, is valid HTML by the Nu HTML Checker (the W3C's validator), run in-process
 * on the bytes the running application serves. Errors fail the test, listed with their line and extract;
 * warnings are printed. The checker's language detection is off: it only ever warns, and its JSON library
 * clashes with the Jakarta JSON implementation Jena brings.
 */
@QuarkusTest
class HtmlValidityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A page to check: its path, the language asked for, and the status it answers with. */
    private record Checked(String path, String lang, int status) {
        String name() {
            return path + " [" + lang + "]";
        }
    }

    private static List<Checked> pages() {
        List<Checked> pages = new ArrayList<>();
        for (String lang : List.of("zh", "en")) {
            PortalPages.all().forEach(path -> pages.add(new Checked(path, lang, 200)));
            pages.add(new Checked("/no-such-page", lang, 404));
            pages.add(new Checked("/datasets/no-such-dataset", lang, 404));
            pages.add(new Checked("/sparql?example=busiest-departments", lang, 200));
            pages.add(new Checked("/changes?page=100000", lang, 200)); // past the end: no changes, a way back
        }
        return pages;
    }

    private static EmbeddedValidator validator() {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        validator.setNoLangDetect(true);
        return validator;
    }

    /** The harness itself: a document with a misnested element and a missing alt is reported as errors. */
    @Test
    void theCheckerReportsErrorsInABrokenDocument() throws Exception {
        String broken = "<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body><p><img src=\"a.png\"></span></body></html>";
        JsonNode report = JSON.readTree(validator().validate(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8))));
        long errors = 0;
        for (JsonNode message : report.path("messages")) {
            errors += message.path("type").asText().equals("error") ? 1 : 0;
        }
        assertTrue(errors >= 2, report.toString());
    }

    @TestFactory
    Stream<DynamicTest> everyPageIsValidHtml() {
        EmbeddedValidator validator = validator();
        return pages().stream().map(page -> DynamicTest.dynamicTest(page.name(), () -> {
            Response response = given().accept("text/html").queryParam("lang", page.lang()).get(page.path());
            assertEquals(page.status(), response.statusCode(), page.name());
            assertTrue(response.contentType().startsWith("text/html"), page.name() + " is HTML: " + response.contentType());
            String report = validator.validate(new ByteArrayInputStream(response.asByteArray()));
            List<String> errors = new ArrayList<>();
            for (JsonNode message : JSON.readTree(report).path("messages")) {
                String type = message.path("type").asText();
                String line = type + " at " + message.path("lastLine").asText("?") + ":" + message.path("firstColumn").asText("?")
                        + " " + message.path("message").asText() + " «" + message.path("extract").asText("").strip() + "»";
                if (type.equals("error") || type.equals("non-document-error")) {
                    errors.add(line);
                } else {
                    System.out.println("[html] " + page.name() + " " + line);
                }
            }
            if (!errors.isEmpty()) {
                fail(page.name() + " has " + errors.size() + " HTML error(s):\n  " + String.join("\n  ", errors));
            }
        }));
    }
}
