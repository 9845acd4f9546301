package cn.zjdata.portal.web;

import cn.zjdata.portal.support.Bundles;
import cn.zjdata.portal.support.Chromium;
import cn.zjdata.portal.support.PortalPages;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finding a dataset with the catalog search and taking its data, in a browser. The search page's contract:
 * the home page's {@code form[role=search]} with {@code input#home-q[name=q]}
 * sends GET /datasets?q=…; the results page has {@code input#q[name=q]}, {@code #result-count},
 * {@code ol.results > li} each with {@code h2 > a[href="/datasets/{id}"]}, matched words in {@code <mark>}.
 */
@QuarkusTest
class CatalogSearchBrowserTest {

    private static final String QUERY = PortalPages.SEARCH;

    private static Chromium chromium;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private static Locator result(Page page, String dataset) {
        return page.locator("ol.results > li h2 > a[href=\"/datasets/" + dataset + "\"]");
    }

    @Test
    void searchingRobotsFromTheHomePageLeadsToTheDoublingPlanAndItsCsv() throws Exception {
        try (BrowserContext context = chromium.newContext(base)) {
            Page page = context.newPage();
            page.navigate("/");
            Locator box = page.locator("form[role=search] input#home-q[name=q]");
            box.fill(QUERY);
            box.press("Enter");
            page.waitForURL(url -> url.contains("/datasets?"));
            assertThat(page.locator("input#q[name=q]")).hasValue(QUERY);
            assertThat(page.locator("#result-count")).isVisible();
            Locator hit = result(page, PortalPages.DATASET);
            assertThat(hit).isVisible();
            assertThat(page.locator("ol.results > li mark").first()).isVisible();
            assertTrue(page.locator("ol.results > li mark").allTextContents().stream().anyMatch(t -> QUERY.contains(t) || t.contains(QUERY)),
                    "the matched words are marked");

            hit.click();
            page.waitForURL(url -> url.endsWith("/datasets/" + PortalPages.DATASET));
            Locator csv = page.locator(".downloads a").filter(new Locator.FilterOptions()
                    .setHasText(Bundles.zh("download_csv")));
            assertThat(csv).hasCount(1);
            Download download = page.waitForDownload(csv::click);
            assertTrue(download.suggestedFilename().endsWith(".csv"), download.suggestedFilename());

            byte[] bytes = Files.readAllBytes(download.path());
            String text = strictUtf8(bytes);
            List<String> lines = text.lines().toList();
            assertEquals(PortalPages.seedHeader(PortalPages.DATASET), lines.getFirst().replace("\uFEFF", ""),
                    "the header row of the seed table");
            assertTrue(text.contains("在役工业机器人数量"), "the robots indicator is in the file");
            try (var seed = Files.lines(PortalPages.seedCsv(PortalPages.DATASET), StandardCharsets.UTF_8)) {
                assertEquals(seed.filter(l -> !l.isBlank()).count(), lines.stream().filter(l -> !l.isBlank()).count(),
                        "every row of the seed table");
            }
        }
    }

    @Test
    void aKeyboardReaderSearchesFromTheHomePageAndTabsToTheResults() {
        try (BrowserContext context = chromium.newContext(base)) {
            Page page = context.newPage();
            page.navigate("/");
            int presses = 0;
            while (!Boolean.TRUE.equals(page.evaluate("() => document.activeElement.matches('input#home-q')"))) {
                assertTrue(++presses <= 20, "the search box is reached by Tab");
                page.keyboard().press("Tab");
            }
            page.keyboard().type(QUERY);
            page.keyboard().press("Enter");
            page.waitForURL(url -> url.contains("/datasets?"));
            assertThat(result(page, PortalPages.DATASET)).isVisible();
            presses = 0;
            while (!Boolean.TRUE.equals(page.evaluate("() => !!document.activeElement.closest('ol.results > li h2')"))) {
                assertTrue(++presses <= 60, "a result is reached by Tab");
                page.keyboard().press("Tab");
            }
            page.keyboard().press("Enter");
            page.waitForURL(url -> url.contains("/datasets/"));
        }
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }
}
