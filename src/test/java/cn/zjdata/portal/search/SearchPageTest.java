package cn.zjdata.portal.search;

import cn.zjdata.portal.catalog.DatasetMetadata;
import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.support.SyntheticDatasets;
import cn.zjdata.portal.tabular.Datatype;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@Tag("database")
class SearchPageTest {

    @Inject
    SyntheticDatasets synthetic;
    @Inject
    SearchIndexer indexer;

    private static String page(String query, String lang) {
        return given().queryParam("q", query).queryParam("lang", lang).accept("text/html")
                .when().get("/datasets")
                .then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
    }

    @Test
    void theResultsMarkWhatMatchedAndLinkEachDataset() {
        String html = page("机器人", "zh");
        assertTrue(html.contains("<input type=\"search\" id=\"q\" name=\"q\" value=\"机器人\""), "the search box keeps the query");
        assertTrue(html.contains("<label class=\"visually-hidden\" for=\"q\">"));
        assertTrue(html.contains("id=\"result-count\""));
        assertTrue(html.contains("<ol class=\"results\">"));
        assertTrue(html.contains("<h2><a href=\"/datasets/doubling-plan-indicators\""), "a hit links to its dataset page");
        assertTrue(html.contains("<mark>机器人</mark>"), "the match is marked");
        assertTrue(html.contains("href=\"/indicators/industrial-robots-in-service\""), "matching indicators are listed");
    }

    @Test
    void aTitleWithMarkupIsShownAsTextNeverAsMarkup() {
        String slug = SyntheticDatasets.newSlug("xss");
        DatasetMetadata base = SyntheticDatasets.metadata(slug, List.of(SyntheticDatasets.column("名称", Datatype.STRING, true)));
        DatasetMetadata hostile = new DatasetMetadata(slug,
                LocalizedText.of("<script>alert(1)</script>恶意标题", "<script>alert(1)</script> hostile title"),
                LocalizedText.of("<img src=x onerror=alert(2)>说明", "<b>bold</b> description"), base.publisher(),
                base.themes(), base.keywords(), base.temporalStart(), base.temporalEnd(), base.spatial(), base.license(),
                base.accrualPeriodicity(), base.sources(), base.profile(), base.schema());
        synthetic.publish(hostile, "名称\n<script>alert(3)</script>恶意单元格\n");
        indexer.applyPending();
        for (String lang : List.of("zh", "en")) {
            String html = page(lang.equals("zh") ? "恶意" : "hostile", lang);
            assertTrue(html.contains("href=\"/datasets/" + slug + "\""), "the dataset is found");
            assertFalse(html.contains("<script>alert"), "no script element from the metadata or data");
            assertFalse(html.contains("<img src=x"));
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the title's markup is shown escaped");
        }
    }

    @Test
    void theFacetsAreAFormOfCheckboxesThatKeepsTheQuery() {
        String html = given().queryParam("q", "数字经济").queryParam("theme", "ECON").accept("text/html")
                .get("/datasets").then().statusCode(200).extract().asString();
        assertTrue(html.contains("name=\"theme\" value=\"ECON\" checked"), "the chosen theme is ticked");
        assertTrue(html.contains("<input type=\"hidden\" name=\"q\" value=\"数字经济\">"), "the filter form keeps the query");
        assertTrue(html.contains("name=\"publisher\""));
        // choosing a sort order does not reload the page by itself (WCAG 3.2.2): a visible button applies it
        assertTrue(java.util.regex.Pattern.compile("<select id=\"sort\" name=\"sort\">.*?</select>\\s*<button type=\"submit\"",
                java.util.regex.Pattern.DOTALL).matcher(html).find(), "the sort menu has its own submit button");
        assertFalse(html.contains("data-autosubmit"));
    }

    @Test
    void pagingLinksCarryTheFiltersAndNameTheirRelation() {
        String html = given().queryParam("size", "1").queryParam("page", "2").queryParam("theme", "ECON").queryParam("theme", "TECH")
                .accept("text/html").get("/datasets").then().statusCode(200).extract().asString();
        assertTrue(html.contains("rel=\"prev\" href=\"/datasets?size=1&amp;theme=ECON&amp;theme=TECH&amp;page=1\""),
                "previous page link with both themes: " + html.substring(html.indexOf("class=\"pager\"")));
        assertTrue(html.contains("rel=\"next\""));
    }

    @Test
    void nothingFoundShowsSuggestions() {
        String html = page("robts", "en");
        assertTrue(html.contains("href=\"/datasets?q=robots\""), "did you mean robots");
        assertTrue(html.contains("href=\"/datasets?theme="), "themes to browse");
    }

    @Test
    void aBadParameterIsA400Page() {
        given().queryParam("sort", "best").accept("text/html").get("/datasets")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(not(containsString("Exception")));
    }

    @Test
    void theNavigationLinksTheDatasetsPageAsCurrent() {
        String html = given().accept("text/html").get("/datasets").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<a href=\"/datasets\" aria-current=\"page\">"));
        assertFalse(html.contains("style="), "no inline styles (CSP)");
    }
}
