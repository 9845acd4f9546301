package cn.zjdata.portal.staff;

import cn.zjdata.portal.security.Role;
import cn.zjdata.portal.support.Chromium;
import cn.zjdata.portal.support.StaffFixtures;
import cn.zjdata.portal.support.SyntheticDatasets;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static cn.zjdata.portal.staff.StaffPageFixtures.RELEASE_2;
import static cn.zjdata.portal.staff.StaffPageFixtures.RELEASE_2_INVALID;
import static cn.zjdata.portal.staff.StaffPageFixtures.gbk;
import static cn.zjdata.portal.staff.StaffPageFixtures.text;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A publisher's journey in a real browser, in Chinese: sign in through the form, upload a GBK file with an
 * error, read which row and column are wrong, upload the corrected file, read the difference, publish with a
 * change note, and find release 2 and its note on the public page. The uploads go through the page's script
 * (a progress bar); the bar must reach its end, and nothing may log an error.
 */
@QuarkusTest
class StaffJourneyBrowserTest {

    /**
     * Records, for the test, how far the upload's progress bar got: the script sets the bar's value and max
     * (reflected as attributes), and the page is replaced or left right after, so the record is kept in the
     * tab's sessionStorage.
     */
    private static final String PROGRESS_RECORDER = """
            new MutationObserver(records => records.forEach(r => {
              if (r.target instanceof HTMLProgressElement && r.target.max > 0) {
                sessionStorage.setItem('progress', r.target.value + '/' + r.target.max);
              }
            })).observe(document, {subtree: true, attributes: true, attributeFilter: ['value', 'max']});
            """;

    private static Chromium chromium;

    @TestHTTPResource("/")
    URL base;

    @Inject
    StaffFixtures staff;
    @Inject
    SyntheticDatasets synthetic;

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

    /** What goes wrong while the journey runs, except the one refusal it expects (the invalid upload's 422). */
    private static final class Problems {
        final List<String> seen = new ArrayList<>();

        Problems(Page page) {
            page.onConsoleMessage(m -> {
                boolean expectedRefusal = m.text().startsWith("Failed to load resource: the server responded with a status of 422")
                        && m.location() != null && m.location().contains("/uploads");
                if (m.type().equals("error") && !expectedRefusal) {
                    seen.add("console: " + m.text() + " (" + m.location() + ")");
                }
            });
            page.onPageError(e -> seen.add("script error: " + e));
            page.onRequestFailed(r -> seen.add("failed request: " + r.url() + " " + r.failure()));
            page.onResponse(r -> {
                boolean expectedRefusal = r.status() == 422 && r.url().endsWith("/uploads");
                if (r.status() >= 400 && !expectedRefusal) {
                    seen.add("HTTP " + r.status() + ": " + r.url());
                }
            });
        }
    }

    private static Locator button(Page page, String key) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text("zh", key)).setExact(true));
    }

    /** How far the last upload's progress bar got ("value/max"), and forgets it. */
    private static String progress(Page page) {
        Object recorded = page.evaluate("() => { const p = sessionStorage.getItem('progress'); sessionStorage.removeItem('progress'); return p; }");
        return recorded == null ? "" : recorded.toString();
    }

    private static void assertProgressReachedItsEnd(String progress) {
        assertTrue(progress.matches("\\d+(\\.\\d+)?/\\d+(\\.\\d+)?"), "the progress bar was used: '" + progress + "'");
        String[] parts = progress.split("/");
        assertEquals(Double.parseDouble(parts[1]), Double.parseDouble(parts[0]), "the progress bar reached its end: " + progress);
    }

    @Test
    void aPublisherCorrectsAGbkUploadAndPublishesItWithAChangeNote() {
        String username = staff.account(Role.PUBLISHER, SyntheticDatasets.PUBLISHER);
        String slug = StaffPageFixtures.publishYearValue(synthetic, "journey");
        String note = "更正2020年数值，新增2022年数据";

        try (BrowserContext context = chromium.newContext(base)) {
            context.addInitScript(PROGRESS_RECORDER);
            Page page = context.newPage();
            Problems problems = new Problems(page);

            // Signing in: the dataset's staff page sends an anonymous reader to the form and back.
            page.navigate("/staff/datasets/" + slug);
            page.waitForURL(Pattern.compile(".*/staff/sign-in\\?next=.*"));
            page.getByLabel(text("zh", "username")).fill(username);
            page.getByLabel(text("zh", "password")).fill(StaffFixtures.PASSWORD);
            button(page, "sign_in_button").click();
            page.waitForURL(url -> url.endsWith("/staff/datasets/" + slug));
            assertThat(page.locator(".staff-bar")).containsText(username);

            // A GBK file with a word in the decimal column: the page reports the row and the column.
            page.getByLabel(text("zh", "upload_file")).setInputFiles(new FilePayload("数据-有误.csv", "text/csv", gbk(RELEASE_2_INVALID)));
            button(page, "upload_button").click();
            Locator report = page.locator("table.upload-errors tbody tr");
            assertThat(report).hasCount(1);
            assertThat(report.locator("td").nth(0)).hasText("3");
            assertThat(report.locator("td").nth(1)).hasText("数值");
            assertThat(report.locator("td").nth(2)).hasText("二点七五");
            assertThat(page.locator("#upload-report")).containsText(text("zh", "upload_refused"));
            assertProgressReachedItsEnd(progress(page));

            // The corrected file: the upload page shows the encoding and the difference from release 1.
            page.getByLabel(text("zh", "upload_file")).setInputFiles(new FilePayload("数据.csv", "text/csv", gbk(RELEASE_2)));
            button(page, "upload_button").click();
            page.waitForURL(Pattern.compile(".*/staff/datasets/" + slug + "/uploads/[0-9a-f-]{36}$"));
            assertProgressReachedItsEnd(progress(page));
            assertThat(page.locator("#detected-encoding")).hasText("GB18030");
            assertThat(page.locator("#diff-added")).hasText("1");
            assertThat(page.locator("#diff-removed")).hasText("1");
            assertThat(page.locator("#diff-changed")).hasText("1");
            assertThat(page.locator("#diff-unchanged")).hasText("1");
            assertThat(page.locator("table.diff-examples td.changed")).hasText("2.5 2.75");

            // Publishing with a change note.
            page.getByLabel(text("zh", "change_note")).fill(note);
            button(page, "publish_button").click();
            page.waitForURL(url -> url.contains("/staff/datasets/" + slug + "?notice=published"));
            assertThat(page.getByRole(AriaRole.STATUS)).hasText(text("zh", "notice_published").replace("{release}", "2"));

            // The public page shows release 2 and its note.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(text("zh", "public_page"))).click();
            page.waitForURL(url -> url.endsWith("/datasets/" + slug));
            Locator history = page.locator("ol.history > li").first();
            assertThat(history).containsText("第 2 版");
            assertThat(history).containsText(note);

            assertTrue(problems.seen.isEmpty(), String.join("\n", problems.seen));
        }
    }

    @Test
    void theStaffPagesFitASmallPhoneWithoutSidewaysScrolling() {
        StaffFixtures.Signed signed = staff.signedIn(Role.PUBLISHER, SyntheticDatasets.PUBLISHER);
        String slug = StaffPageFixtures.publishYearValue(synthetic, "phone");
        try (BrowserContext context = chromium.newContext(base, new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(360, 740))) {
            context.addCookies(List.of(new com.microsoft.playwright.options.Cookie("portal_session", signed.sessionCookie())
                    .setUrl(base.toString())));
            Page page = context.newPage();
            List<String> wide = new ArrayList<>();
            for (String path : List.of("/staff/sign-in", "/staff", "/staff/datasets/new", "/staff/datasets/" + slug,
                    "/staff/datasets/" + slug + "?lang=en")) {
                page.navigate(path);
                Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                if (((Number) overflow).intValue() > 0) {
                    wide.add(path + " is " + overflow + " px too wide");
                }
            }
            assertTrue(wide.isEmpty(), String.join("\n", wide));
        }
    }
}
