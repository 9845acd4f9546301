package cn.zjdata.portal.web;

import cn.zjdata.portal.catalog.DatasetMetadata;
import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.linkeddata.ProjectionService;
import cn.zjdata.portal.search.SearchIndexer;
import cn.zjdata.portal.support.Chromium;
import cn.zjdata.portal.support.SyntheticDatasets;
import cn.zjdata.portal.tabular.Datatype;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Metadata comes from publishers' uploads: markup in a title, description or keyword is shown as text on
 * every page that lists it, and never runs.
 */
@QuarkusTest
class XssBrowserTest {

    static final String SCRIPT = "<script>window.__xss=1</script>";
    static final String IMG = "<img src=x onerror=\"window.__xss=1\">";
    static final String SVG = "\"><svg onload=window.__xss=1>";

    private static Chromium chromium;

    @TestHTTPResource("/")
    URL base;

    @Inject
    SyntheticDatasets synthetic;
    @Inject
    ProjectionService projection;
    @Inject
    SearchIndexer search;

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

    private String publishHostileDataset() {
        String slug = SyntheticDatasets.newSlug("xss");
        DatasetMetadata m = SyntheticDatasets.metadata(slug, List.of(SyntheticDatasets.column("名称", Datatype.STRING, true)));
        synthetic.publish(new DatasetMetadata(slug,
                LocalizedText.of(SCRIPT + " 标题", IMG + " title"),
                LocalizedText.of(SVG + " 描述", SVG + " description"),
                m.publisher(), m.themes(),
                List.of(new DatasetMetadata.KeywordText("zh", SCRIPT), new DatasetMetadata.KeywordText("zh", IMG),
                        new DatasetMetadata.KeywordText("zh", SVG)),
                m.temporalStart(), m.temporalEnd(), m.spatial(), m.license(), m.accrualPeriodicity(), m.sources(), null,
                m.schema()), "名称\n" + IMG + "\n");
        projection.applyPending();
        search.applyPending();
        return slug;
    }

    /** Opens a page, lets everything on it load, and reports whether a payload ran or opened a dialog. */
    private static void assertInert(Page page, String path, List<String> visibleTexts) {
        List<String> dialogs = new ArrayList<>();
        page.onDialog(d -> {
            dialogs.add(d.type() + ": " + d.message());
            d.dismiss();
        });
        page.navigate(path);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertEquals("undefined", page.evaluate("() => typeof window.__xss"), path + ": a payload ran");
        assertTrue(dialogs.isEmpty(), path + ": dialogs " + dialogs);
        assertEquals(0, ((Number) page.evaluate("() => document.querySelectorAll("
                + "'body script:not([src]), [onerror], [onload], img[src=\"x\"], main svg[onload]').length")).intValue(),
                path + ": the payload became markup");
        for (String text : visibleTexts) {
            assertThat(page.getByText(text).first()).isVisible();
        }
    }

    @Test
    void markupInMetadataIsShownAsTextAndNeverRuns() {
        String slug = publishHostileDataset();
        try (BrowserContext context = chromium.newContext(base)) {
            Page page = context.newPage();
            assertInert(page, "/datasets/" + slug, List.of(SCRIPT + " 标题", SVG + " 描述", SCRIPT, IMG, SVG));
            assertInert(page, "/datasets/" + slug + "?lang=en", List.of(IMG + " title", SVG + " description"));
            assertInert(page, "/publishers/" + SyntheticDatasets.PUBLISHER + "?lang=zh", List.of(SCRIPT + " 标题"));
            assertInert(page, "/themes/TECH", List.of(SCRIPT + " 标题"));
            assertInert(page, "/datasets?q=" + slug, List.of(SCRIPT + " 标题"));
            assertInert(page, "/datasets?q=window.__xss", List.of());
            assertInert(page, "/", List.of(SCRIPT + " 标题"));
            assertInert(page, "/doc/dataset/" + slug, List.of());
        }
    }

    /** The probe itself: the same payloads, injected as markup, are caught. */
    @Test
    void theProbeCatchesAPayloadThatRuns() {
        try (BrowserContext context = chromium.newContext(base)) {
            Page page = context.newPage();
            page.setContent("<!DOCTYPE html><p>" + IMG + "</p>");
            page.waitForFunction("() => window.__xss === 1");
            assertEquals("number", page.evaluate("() => typeof window.__xss"));
        }
    }
}
