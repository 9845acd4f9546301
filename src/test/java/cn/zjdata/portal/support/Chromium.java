package cn.zjdata.portal.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The system's Chromium driven by Playwright, one per test class (it is slow to start). Playwright never
 * downloads a browser here: the tests use Debian's {@code chromium} package ({@code apt-get install chromium};
 * CI's {@code .ci/run} installs it), or the executable named by the system property {@code portal.chromium}.
 */
public final class Chromium implements AutoCloseable {

    private static final Path DEFAULT_EXECUTABLE = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        Path executable = Path.of(System.getProperty("portal.chromium", DEFAULT_EXECUTABLE.toString()));
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("The browser tests need Chromium at " + executable
                    + " (apt-get install chromium), or -Dportal.chromium=/path/to/chromium");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable)
                    .setHeadless(true)
                    .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking")));
            return new Chromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh browser profile (no cookies) reading Chinese first, as most of the portal's readers do. */
    public BrowserContext newContext(URL base) {
        return newContext(base, new Browser.NewContextOptions());
    }

    public BrowserContext newContext(URL base, Browser.NewContextOptions options) {
        if (options.locale == null) {
            options.setLocale("zh-CN");
        }
        String url = base.toString();
        return browser.newContext(options.setBaseURL(url.endsWith("/") ? url.substring(0, url.length() - 1) : url));
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
