package cn.zjdata.portal.web;

import cn.zjdata.portal.publishing.PublishingService;
import cn.zjdata.portal.support.Bundles;
import cn.zjdata.portal.support.PortalPages;
import cn.zjdata.portal.support.SyntheticDatasets;
import cn.zjdata.portal.tabular.Datatype;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP contract of the public pages: languages, security headers, error pages, assets, numbers. */
@QuarkusTest
class WebPagesTest {

    private static final Pattern HTML_LANG = Pattern.compile("<html[^>]*\\slang=\"([^\"]+)\"");

    @Inject
    SyntheticDatasets synthetic;
    @Inject
    PublishingService publishing;

    private static RequestSpecification browser() {
        return given().accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").redirects().follow(false);
    }

    private static String htmlLang(String html) {
        Matcher m = HTML_LANG.matcher(html);
        assertTrue(m.find(), "the page names its language on <html>");
        return m.group(1);
    }

    /** A page is in a language when <html lang> says so and it carries that bundle's words, not the other's. */
    private static void assertInLanguage(String lang, String path, String html) {
        String other = lang.equals("en") ? "zh" : "en";
        assertTrue(htmlLang(html).startsWith(lang), path + " should be in " + lang + " but <html lang=\"" + htmlLang(html) + "\">");
        for (String key : List.of("skip_to_content", "nav_datasets", "nav_about", "footer_licence")) {
            String expected = escape(Bundles.in(lang, key));
            assertTrue(html.contains(expected), path + " (" + lang + ") should say " + key + " = " + expected);
            assertFalse(html.contains(">" + escape(Bundles.in(other, key)) + "<"), path + " (" + lang + ") also says the " + other + " " + key);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Test
    void everyPageAnswersHtmlInChineseByDefault() {
        for (String path : PortalPages.all()) {
            String html = browser().get(path).then().statusCode(200).contentType(startsWith("text/html")).extract().asString();
            assertInLanguage("zh", path, html);
        }
    }

    @Test
    void everyPageAnswersInEnglishWithLangEnAndRemembersTheChoiceInACookie() {
        for (String path : PortalPages.all()) {
            Response response = browser().queryParam("lang", "en").get(path);
            response.then().statusCode(200).contentType(startsWith("text/html"));
            assertInLanguage("en", path, response.asString());
            String cookie = response.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("lang="))
                    .findFirst().orElse(null);
            assertNotNull(cookie, path + " remembers the language");
            assertTrue(cookie.startsWith("lang=en;") && cookie.contains("Path=/") && cookie.contains("Max-Age="), cookie);
        }
        String back = browser().queryParam("lang", "zh").cookie("lang", "en").get("/about").asString();
        assertInLanguage("zh", "/about?lang=zh", back);
    }

    @Test
    void acceptLanguageChoosesTheLanguageOfAFirstVisit() {
        for (String path : PortalPages.all()) {
            String html = browser().header("Accept-Language", "en-GB,en;q=0.9,zh-CN;q=0.5").get(path).then().statusCode(200)
                    .extract().asString();
            assertInLanguage("en", path, html);
        }
        assertInLanguage("zh", "/ (zh-TW first)", browser().header("Accept-Language", "zh-TW,en;q=0.8").get("/").asString());
        assertInLanguage("zh", "/ (fr only)", browser().header("Accept-Language", "fr-FR,fr;q=0.9").get("/").asString());
        assertInLanguage("zh", "/ (en refused)", browser().header("Accept-Language", "en;q=0,*;q=0.5").get("/").asString());
    }

    @Test
    void theLangCookieWinsOverAcceptLanguage() {
        for (String path : PortalPages.all()) {
            assertInLanguage("en", path, browser().cookie("lang", "en").header("Accept-Language", "zh-CN").get(path).asString());
        }
        assertInLanguage("zh", "/", browser().cookie("lang", "zh").header("Accept-Language", "en").get("/").asString());
        assertInLanguage("en", "/ (unknown cookie)", browser().cookie("lang", "xx").header("Accept-Language", "en").get("/").asString());
    }

    @Test
    void everyPageCarriesTheSecurityHeadersAndAStrictContentSecurityPolicy() {
        for (String path : PortalPages.all()) {
            Response response = browser().get(path);
            assertEquals("nosniff", response.header("X-Content-Type-Options"), path);
            String referrer = response.header("Referrer-Policy");
            assertTrue(List.of("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin").contains(referrer),
                    path + " Referrer-Policy " + referrer);
            Map<String, List<String>> csp = directives(response.header("Content-Security-Policy"), path);
            List<String> scripts = csp.getOrDefault("script-src", csp.get("default-src"));
            assertNotNull(scripts, path + " restricts scripts");
            assertFalse(scripts.contains("'unsafe-inline'") || scripts.contains("'unsafe-eval'") || scripts.contains("*"),
                    path + " script-src " + scripts);
            List<String> styles = csp.getOrDefault("style-src", csp.get("default-src"));
            assertFalse(styles.contains("'unsafe-inline'"), path + " style-src " + styles);
            assertEquals(List.of("'none'"), csp.get("object-src"), path);
            boolean noFraming = List.of("'none'").equals(csp.get("frame-ancestors"))
                    || "DENY".equalsIgnoreCase(response.header("X-Frame-Options"));
            assertTrue(noFraming, path + " may not be framed");
            assertEquals("DENY", response.header("X-Frame-Options"), path + " X-Frame-Options for older browsers");
        }
    }

    @Test
    void noPageNeedsInlineScriptOrStyleThePolicyWouldBlock() {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern handler = Pattern.compile("<[a-z][^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        Pattern styleAttribute = Pattern.compile("<[a-z][^>]*\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
        for (String path : PortalPages.all()) {
            for (String lang : List.of("zh", "en")) {
                String html = browser().queryParam("lang", lang).get(path).asString();
                assertFalse(inlineScript.matcher(html).find(), path + " has an inline <script>");
                assertFalse(handler.matcher(html).find(), path + " has an inline event handler");
                assertFalse(html.contains("<style"), path + " has a <style> element");
                assertFalse(styleAttribute.matcher(html).find(), path + " has a style attribute");
                assertFalse(html.contains("javascript:"), path + " has a javascript: URL");
            }
        }
    }

    private static Map<String, List<String>> directives(String policy, String path) {
        assertNotNull(policy, path + " has a Content-Security-Policy");
        return Arrays.stream(policy.split(";")).map(String::strip).filter(d -> !d.isEmpty())
                .map(d -> d.split("\\s+"))
                .collect(Collectors.toMap(d -> d[0].toLowerCase(Locale.ROOT), d -> List.of(d).subList(1, d.length)));
    }

    @Test
    void anUnknownPageIsAnHtml404InTheReadersLanguageWithAWayHome() {
        for (String path : List.of("/no-such-page", "/datasets/no-such-dataset", "/indicators/no-such-indicator",
                "/publishers/no-such-publisher", "/themes/NOPE", "/doc/dataset/no-such-dataset")) {
            for (String lang : List.of("zh", "en")) {
                String html = browser().queryParam("lang", lang).get(path).then().statusCode(404)
                        .contentType(startsWith("text/html")).header("Content-Security-Policy", containsString("script-src 'self'"))
                        .extract().asString();
                assertInLanguage(lang, path, html);
                assertTrue(html.contains(escape(Bundles.in(lang, "error_not_found_title"))), path + " says what happened");
                assertTrue(html.contains("<a class=\"button\" href=\"/\">" + escape(Bundles.in(lang, "error_home")) + "</a>")
                        || html.matches("(?s).*<main.*<a [^>]*href=\"/\"[^>]*>.*</main>.*"), path + " links back home");
            }
            assertInLanguage("en", path, browser().header("Accept-Language", "en").get(path).asString());
        }
    }

    @Test
    void programsGetProblemJsonNotAnErrorPage() {
        for (String path : List.of("/no-such-page", "/datasets/no-such-dataset", "/indicators/no-such-indicator")) {
            given().accept("*/*").get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("status", equalTo(404));
            given().get(path).then().statusCode(404).contentType("application/problem+json");
            given().accept("application/json, text/html;q=0.5").get(path).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        given().accept("application/json").get("/no-such-page").then().statusCode(404).contentType("application/problem+json");
        // A page exists only as HTML (its data is under /api): a client that takes nothing but JSON is told so.
        given().accept("application/json").get("/datasets/" + PortalPages.DATASET).then().statusCode(406)
                .contentType("application/problem+json").body("status", equalTo(406));
        // The API answers a browser in JSON too, never with a page.
        browser().get("/api/datasets/no-such-dataset").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aWithdrawnDatasetsPageIsAnHtml410AndItsApiA410Problem() {
        String slug = SyntheticDatasets.newSlug("withdrawn");
        synthetic.publish(SyntheticDatasets.metadata(slug, List.of(SyntheticDatasets.column("名称", Datatype.STRING, true))),
                "名称\n甲\n");
        browser().get("/datasets/" + slug).then().statusCode(200);
        publishing.withdrawDataset(slug, "测试撤回 / withdrawn by a test", "test");

        for (String lang : List.of("zh", "en")) {
            String html = browser().queryParam("lang", lang).get("/datasets/" + slug).then().statusCode(410)
                    .contentType(startsWith("text/html")).extract().asString();
            assertInLanguage(lang, "/datasets/" + slug, html);
            assertTrue(html.contains(escape(Bundles.in(lang, "error_gone_title"))), "the page says it was withdrawn");
            assertTrue(html.contains("href=\"/\""), "a way back home");
        }
        given().accept("*/*").get("/datasets/" + slug).then().statusCode(410).contentType("application/problem+json")
                .body("status", equalTo(410));
        given().get("/api/datasets/" + slug).then().statusCode(410).contentType("application/problem+json");
        given().get("/api/datasets/" + slug + "/data.csv").then().statusCode(410).contentType("application/problem+json");
    }

    @Test
    void assetsAreFingerprintedImmutableAndAWrongHashIsA404() throws Exception {
        String home = browser().get("/").asString();
        Matcher m = Pattern.compile("(?:href|src)=\"(/assets/([a-z]+)\\.([0-9a-f]+)\\.([a-z]+))\"").matcher(home);
        List<String> seen = new ArrayList<>();
        while (m.find()) {
            String url = m.group(1);
            if (seen.contains(url)) {
                continue;
            }
            seen.add(url);
            String plain = m.group(2) + "." + m.group(4);
            Response response = given().get(url);
            response.then().statusCode(200);
            String cacheControl = response.header("Cache-Control");
            assertTrue(cacheControl.contains("immutable") && cacheControl.contains("max-age=31536000"), url + ": " + cacheControl);
            byte[] served = response.asByteArray();
            byte[] source;
            try (var in = getClass().getClassLoader().getResourceAsStream("web/" + plain)) {
                assertNotNull(in, plain + " is a file in src/main/resources/web");
                source = in.readAllBytes();
            }
            assertTrue(Arrays.equals(source, served), url + " serves web/" + plain);
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(served));
            assertTrue(digest.startsWith(m.group(3)), url + " is named by the digest of its content");
            String type = switch (m.group(4)) {
                case "css" -> "text/css";
                case "js" -> "text/javascript";
                case "svg" -> "image/svg+xml";
                default -> throw new AssertionError("unexpected asset " + url);
            };
            response.then().contentType(startsWith(type));
            given().header("If-None-Match", response.header("ETag")).get(url).then().statusCode(304);

            String wrongHash = "/assets/" + m.group(2) + "." + "0".repeat(m.group(3).length()) + "." + m.group(4);
            given().get(wrongHash).then().statusCode(404).contentType("application/problem+json");
            given().get("/assets/" + plain).then().statusCode(404);
        }
        assertTrue(seen.stream().anyMatch(u -> u.endsWith(".css")) && seen.stream().anyMatch(u -> u.endsWith(".js")),
                "the page links its stylesheet and script as assets: " + seen);
        given().get("/assets/application.0123456789.properties").then().statusCode(404);
    }

    @Test
    void figuresAreWrittenWithWanAndYiInChineseAndThousandsSeparatorsInEnglish() {
        List<CSVRecord> figures = PortalPages.seedFigures(PortalPages.INDICATOR);
        assertFalse(figures.isEmpty(), "the seed has figures for " + PortalPages.INDICATOR);
        String zh = browser().queryParam("lang", "zh").get("/indicators/" + PortalPages.INDICATOR).asString();
        String en = browser().queryParam("lang", "en").get("/indicators/" + PortalPages.INDICATOR).asString();
        NumberFormat english = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        for (CSVRecord figure : figures) {
            // The seed gives these counts in 万台 (10k-machines): Chinese keeps 万, English spells the whole number.
            assertEquals("10k-machines", figure.get("unit"), "the seed's unit for " + PortalPages.INDICATOR);
            BigDecimal wan = new BigDecimal(figure.get("value"));
            String chinese = wan.stripTrailingZeros().toPlainString() + "万台";
            assertTrue(zh.contains(">" + chinese + "<"), "the Chinese page shows " + chinese);
            String whole = english.format(wan.multiply(BigDecimal.valueOf(10_000)));
            assertTrue(whole.contains(","), whole);
            assertTrue(en.contains(">" + whole + " "), "the English page shows " + whole);
            assertFalse(en.contains(">" + chinese + "<"), "no 万 in English");
        }
    }

    @Test
    void theSparqlPageIsHtmlOnlyForABrowserWithoutAQuery() {
        browser().get("/sparql").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<form"));
        given().accept("*/*").get("/sparql").then().contentType(not("text/html"));
    }

    private static org.hamcrest.Matcher<String> not(String prefix) {
        return org.hamcrest.Matchers.not(startsWith(prefix));
    }

    @Test
    void aThingsUriSendsABrowserToItsHtmlDocument() {
        String location = browser().get("/id/dataset/" + PortalPages.DATASET).then().statusCode(303).extract().header("Location");
        assertTrue(location.endsWith("/doc/dataset/" + PortalPages.DATASET), location);
        String html = browser().get("/doc/dataset/" + PortalPages.DATASET).then().statusCode(200)
                .contentType(startsWith("text/html")).extract().asString();
        assertInLanguage("zh", "/doc/dataset/" + PortalPages.DATASET, html);
        assertTrue(new String(html.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).contains("倍增计划"));
    }
}
