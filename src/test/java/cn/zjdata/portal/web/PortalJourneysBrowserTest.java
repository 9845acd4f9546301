package cn.zjdata.portal.web;

import cn.zjdata.portal.support.Bundles;
import cn.zjdata.portal.support.Chromium;
import cn.zjdata.portal.support.PortalPages;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Journeys a person makes in a real browser: changing language, reading charts, finding their way by keyboard. */
@QuarkusTest
class PortalJourneysBrowserTest {

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

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void theLanguageLinkSwitchesToEnglishAndTheChoiceFollowsTheReaderToTheNextPage() {
        try (BrowserContext context = chromium.newContext(base)) {
            Page page = context.newPage();
            page.navigate("/");
            assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
            assertThat(page.locator(".site-nav")).containsText(Bundles.zh("nav_publishers"));

            page.getByRole(AriaRole.LINK, named(Bundles.zh("switch_language"))).click();
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName(Bundles.en("nav_label")))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Bundles.en("nav_publishers")).setExact(true)))
                    .isVisible();

            // The next page, reached by an ordinary link (no ?lang), stays in English.
            page.locator(".site-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                    .setName(Bundles.en("nav_publishers")).setExact(true)).click();
            page.waitForURL(url -> url.endsWith("/publishers"));
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator("h1")).hasText(Bundles.en("publishers_title"));

            // And back to Chinese, which persists too.
            page.getByRole(AriaRole.LINK, named(Bundles.en("switch_language"))).click();
            assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
            page.locator(".site-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                    .setName(Bundles.zh("nav_about")).setExact(true)).click();
            page.waitForURL(url -> url.endsWith("/about"));
            assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
            assertThat(page.locator("h1")).hasText(Bundles.zh("about_title"));
        }
    }

    @Test
    void anIndicatorsChartDrawsEachOfItsFiguresBesideATableOfThem() {
        int figures = PortalPages.seedFigures(PortalPages.INDICATOR).size();
        assertTrue(figures > 1, "the seed has figures to draw");
        try (BrowserContext context = chromium.newContext(base)) {
            Page page = context.newPage();
            page.navigate("/indicators/" + PortalPages.INDICATOR);
            Locator chart = page.locator("figure.chart-figure svg.chart");
            assertThat(chart).isVisible();
            assertThat(chart).hasAttribute("role", "img");
            assertThat(chart).hasAccessibleName(java.util.regex.Pattern.compile(".+"));
            BoundingBox area = chart.boundingBox();
            Locator points = chart.locator("circle");
            assertThat(points).hasCount(figures);
            for (int i = 0; i < figures; i++) {
                Locator point = points.nth(i);
                assertThat(point).isVisible();
                BoundingBox box = point.boundingBox();
                assertNotNull(box, "point " + i + " is laid out");
                assertTrue(box.width > 0 && box.height > 0, "point " + i + " has a size");
                assertTrue(box.x >= area.x && box.x + box.width <= area.x + area.width + 1
                        && box.y >= area.y && box.y + box.height <= area.y + area.height + 1, "point " + i + " lies on the chart");
                assertFalse(point.locator("title").textContent().isBlank(), "point " + i + " says what it is");
            }
            Locator table = page.locator("figure.chart-figure + .table-scroll table");
            assertThat(table).isVisible();
            assertThat(table.locator("caption")).not().isEmpty();
            assertTrue(table.locator("thead th[scope=col]").count() >= 3, "the table has column headers");
            assertThat(table.locator("tbody tr")).hasCount(figures);
        }
    }

    @Test
    void theDashboardDrawsEveryIndicatorsFiguresAndOffersTheirTable() {
        try (BrowserContext context = chromium.newContext(base)) {
            Page page = context.newPage();
            page.navigate("/indicators");
            assertThat(page.locator("svg.chart").first()).isVisible();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> charts = (List<Map<String, Object>>) page.evaluate("""
                    () => Array.from(document.querySelectorAll('svg.chart')).map(svg => {
                      const points = Array.from(svg.querySelectorAll('circle'));
                      const drawn = points.filter(c => {
                        const r = c.getBoundingClientRect();
                        const s = getComputedStyle(c);
                        return r.width > 0 && r.height > 0 && s.display !== 'none' && s.visibility !== 'hidden'
                          && s.opacity !== '0' && (s.fill !== 'none' || s.stroke !== 'none');
                      });
                      const card = svg.closest('li');
                      const rows = card ? card.querySelectorAll('details table tbody tr').length : 0;
                      return { id: svg.id || (svg.querySelector('title') || {}).id || '?', points: points.length,
                               drawn: drawn.length, rows: rows };
                    })""");
            assertTrue(charts.size() > 1, "the dashboard has charts");
            for (Map<String, Object> c : charts) {
                int points = ((Number) c.get("points")).intValue();
                assertTrue(points > 0, c + " has points");
                assertEquals(points, ((Number) c.get("drawn")).intValue(), c + ": every point is drawn");
                assertTrue(((Number) c.get("rows")).intValue() >= points, c + ": its table lists every figure");
            }
            // The table is one click away, beside the chart.
            Locator card = page.locator("li.indicator-card").filter(new Locator.FilterOptions().setHas(page.locator("svg.chart"))).first();
            Locator table = card.locator("details table");
            assertThat(table).not().isVisible();
            card.getByText(Bundles.zh("show_data_table")).click();
            assertThat(table).isVisible();
            assertThat(table.locator("tbody tr").first()).isVisible();
        }
    }

    @Test
    void aKeyboardReaderReachesTheSkipLinkThenTheSearchBoxAndSearches() {
        try (BrowserContext context = chromium.newContext(base)) {
            Page page = context.newPage();
            page.navigate("/");
            page.keyboard().press("Tab");
            assertEquals(Boolean.TRUE, page.evaluate("() => document.activeElement.matches('a.skip[href=\"#main\"]')"),
                    "the first Tab stop is the skip link");
            assertThat(page.locator("a.skip")).isInViewport();
            assertThat(page.locator("a.skip")).hasText(Bundles.zh("skip_to_content"));
            page.keyboard().press("Enter");
            assertEquals("main", page.evaluate("() => document.activeElement.id"), "the skip link moves focus to the content");

            int presses = 0;
            while (!Boolean.TRUE.equals(page.evaluate("() => document.activeElement.matches('input#home-q')"))) {
                assertTrue(++presses <= 10, "the search box is among the first Tab stops of the content");
                page.keyboard().press("Tab");
            }
            page.keyboard().type("机器人");
            page.keyboard().press("Enter");
            page.waitForURL(url -> url.contains("/datasets?"));
            String query = page.url().substring(page.url().indexOf('?') + 1);
            assertTrue(List.of(query.split("&")).contains("q=" + java.net.URLEncoder.encode("机器人", StandardCharsets.UTF_8))
                    || URLDecoder.decode(query, StandardCharsets.UTF_8).contains("q=机器人"), page.url());
        }
    }
}
