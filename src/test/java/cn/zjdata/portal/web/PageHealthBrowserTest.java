package cn.zjdata.portal.web;

import cn.zjdata.portal.support.Chromium;
import cn.zjdata.portal.support.PortalPages;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page, as a browser loads it: no script errors, no console errors (the browser reports what the
 * Content-Security-Policy blocks there), no failed or refused requests, and nothing wider than a small phone.
 */
@QuarkusTest
class PageHealthBrowserTest {

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

    /** Every page in both languages, and an error page. */
    private static List<String> pages() {
        List<String> pages = new ArrayList<>();
        for (String lang : List.of("zh", "en")) {
            PortalPages.all().forEach(p -> pages.add(PortalPages.inLanguage(p, lang)));
            pages.add("/no-such-page?lang=" + lang);
        }
        return pages;
    }

    /** Collects what goes wrong on a page while it loads. */
    private static final class Problems {
        final List<String> seen = new ArrayList<>();

        Problems(Page page) {
            // CSP violations are also reported as console errors by Chromium; this names the directive too.
            page.addInitScript("document.addEventListener('securitypolicyviolation', e => "
                    + "console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
            page.onConsoleMessage(m -> {
                // An error page's own status (the 404 it is meant to answer) is logged too; that is not a fault.
                boolean documentStatus = m.text().startsWith("Failed to load resource")
                        && m.location() != null && m.location().replaceFirst(":\\d+:\\d+$", "").equals(page.url());
                if (m.type().equals("error") && !documentStatus) {
                    seen.add(m.type() + ": " + m.text() + " (" + m.location() + ")");
                }
            });
            page.onPageError(e -> seen.add("script error: " + e));
            page.onRequestFailed(r -> seen.add("failed request: " + r.url() + " " + r.failure()));
            page.onResponse(r -> {
                if (r.status() >= 400 && !r.request().isNavigationRequest()) {
                    seen.add("HTTP " + r.status() + ": " + r.url());
                }
            });
        }
    }

    private static void load(Page page, String path) {
        page.navigate(path);
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    @Test
    void noPageLogsAnErrorOrFailsARequest() {
        try (BrowserContext context = chromium.newContext(base)) {
            List<String> report = new ArrayList<>();
            for (String path : pages()) {
                Page page = context.newPage();
                Problems problems = new Problems(page);
                load(page, path);
                problems.seen.forEach(p -> report.add(path + ": " + p));
                page.close();
            }
            assertTrue(report.isEmpty(), String.join("\n", report));
        }
    }

    /** The check above can fail: a script the policy forbids is reported. */
    @Test
    void anInlineScriptIsBlockedAndReported() {
        try (BrowserContext context = chromium.newContext(base)) {
            Page page = context.newPage();
            Problems problems = new Problems(page);
            load(page, "/about");
            page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; "
                    + "document.body.appendChild(s); }");
            page.waitForCondition(() -> !problems.seen.isEmpty());
            assertTrue(problems.seen.stream().anyMatch(p -> p.contains("Content Security Policy") || p.contains("CSP violation")),
                    problems.seen.toString());
            assertTrue(page.evaluate("() => window.__ran === undefined").equals(Boolean.TRUE), "the inline script did not run");
        }
    }

    /** What makes the page wider than the screen, or null when nothing does. */
    private static String overflow(Page page) {
        @SuppressWarnings("unchecked")
        Map<String, Object> width = (Map<String, Object>) page.evaluate("""
                () => {
                  const root = document.documentElement;
                  const limit = root.clientWidth;
                  const wide = Array.from(document.querySelectorAll('body *'))
                    .filter(e => e.getBoundingClientRect().right > limit + 0.5)
                    .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= limit + 0.5)
                    .slice(0, 5)
                    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                      + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                      + ' right=' + Math.round(e.getBoundingClientRect().right));
                  return { scrollWidth: root.scrollWidth, clientWidth: limit, widest: wide.join(', ') };
                }""");
        int scrollWidth = ((Number) width.get("scrollWidth")).intValue();
        int clientWidth = ((Number) width.get("clientWidth")).intValue();
        return scrollWidth > clientWidth ? scrollWidth + " > " + clientWidth + " px; too wide: " + width.get("widest") : null;
    }

    private BrowserContext phone() {
        return chromium.newContext(base, new Browser.NewContextOptions().setViewportSize(360, 740));
    }

    @Test
    void noPageScrollsSidewaysOnASmallPhone() {
        try (BrowserContext context = phone()) {
            Page page = context.newPage();
            List<String> report = new ArrayList<>();
            for (String path : pages()) {
                load(page, path);
                String wide = overflow(page);
                if (wide != null) {
                    report.add(path + ": " + wide);
                }
            }
            assertTrue(report.isEmpty(), String.join("\n", report));
        }
    }

    /** The check above can fail: an element wider than the screen is caught and named. */
    @Test
    void anElementWiderThanThePhoneIsCaught() {
        try (BrowserContext context = phone()) {
            Page page = context.newPage();
            load(page, "/about");
            page.evaluate("() => { const d = document.createElement('div'); d.id = 'too-wide'; d.textContent = 'x'; "
                    + "d.style.minWidth = '600px'; document.querySelector('main').appendChild(d); }");
            String wide = overflow(page);
            assertTrue(wide != null && wide.contains("too-wide"), String.valueOf(wide));
        }
    }
}
