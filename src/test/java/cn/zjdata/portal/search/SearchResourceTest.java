package cn.zjdata.portal.search;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@Tag("database")
class SearchResourceTest {

    private static final String SEED_PUBLISHER = "digital-economy-office";

    private static Response search(Object... params) {
        var request = given().queryParam("size", 100);
        for (int i = 0; i < params.length; i += 2) {
            request = request.queryParam((String) params[i], params[i + 1]);
        }
        return request.when().get("/api/search").then().statusCode(200).extract().response();
    }

    private static Set<String> ids(Response r) {
        return new HashSet<>(r.<List<String>>path("items.id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"机器人", "上云", "专利", "数字贸易"})
    void chineseWordsFindEveryDatasetWhoseDataContainsThemAndNoOther(String word) {
        Set<String> found = ids(search("q", word, "publisher", SEED_PUBLISHER));
        Set<String> mustFind = SeedFiles.dataContaining(word);
        Set<String> mayFind = SeedFiles.anyFileContaining(word);
        assertFalse(mustFind.isEmpty(), "the seed data mentions " + word);
        assertTrue(found.containsAll(mustFind), word + ": found " + found + ", expected at least " + mustFind);
        assertTrue(mayFind.containsAll(found), word + ": found " + found + ", but only " + mayFind + " mention it");
    }

    @Test
    void robotFindsTheDoublingPlanIndicatorsByTheIndicatorNamedInItsRowsAndMarksIt() {
        Response r = search("q", "机器人");
        assertTrue(ids(r).contains("doubling-plan-indicators"));
        Map<String, Object> hit = r.<List<Map<String, Object>>>path("items").stream()
                .filter(h -> h.get("id").equals("doubling-plan-indicators")).findFirst().orElseThrow();
        List<Map<String, Object>> fragments = (List<Map<String, Object>>) hit.get("fragments");
        assertTrue(fragments.stream().flatMap(f -> ((List<Map<String, Object>>) f.get("segments")).stream())
                .anyMatch(s -> Boolean.TRUE.equals(s.get("matched")) && s.get("text").equals("机器人")),
                "a fragment marks 机器人: " + fragments);
        assertTrue(r.<List<String>>path("indicators.code").containsAll(SeedFiles.indicatorsNamed("机器人")));
    }

    @Test
    void aFullWidthSpaceSeparatesWordsLikeAnAsciiOne() {
        // a Chinese keyboard types U+3000 between words: two words, each found anywhere, not one phrase
        Set<String> ascii = ids(search("q", "机器人 专利", "publisher", SEED_PUBLISHER));
        Set<String> fullWidth = ids(search("q", "机器人\u3000专利", "publisher", SEED_PUBLISHER));
        assertFalse(ascii.isEmpty(), "some seed dataset mentions both words");
        assertEquals(ascii, fullWidth);
    }

    @Test
    void cloudFindsTheIndicatorEnterprisesOnTheCloud() {
        Response r = search("q", "上云");
        assertTrue(r.<List<String>>path("indicators.code").containsAll(SeedFiles.indicatorsNamed("企业上云数")));
    }

    @Test
    void patentFindsBothPatentIndicators() {
        Set<String> patents = SeedFiles.indicatorsNamed("专利");
        assertEquals(2, patents.size(), "the seed registry names two patent indicators: " + patents);
        Response r = search("q", "专利");
        assertEquals(patents, new HashSet<>(r.<List<String>>path("indicators.code")));
    }

    @Test
    void anEnglishWordFindsItsOtherFormsToo() {
        Set<String> named = SeedFiles.indicatorsNamed("robots");
        Response r = search("q", "robot");
        assertTrue(r.<List<String>>path("indicators.code").containsAll(named), r.path("indicators.code") + " ⊇ " + named);
        assertTrue(ids(r).contains("indicators"), "the registry names them in English: " + ids(r));
    }

    @Test
    void anIndicatorCodeFindsItsIndicatorFirstAndTheDatasetsListingIt() {
        String code = "pct-patent-applications";
        Response r = search("q", code.toUpperCase(), "publisher", SEED_PUBLISHER);
        assertEquals(code, r.path("indicators[0].code"));
        assertTrue(ids(r).containsAll(SeedFiles.dataContaining(code)), ids(r) + " ⊇ " + SeedFiles.dataContaining(code));
    }

    @Test
    void resultsAreRankedByRelevance() {
        List<Float> scores = search("q", "数字经济").path("items.score");
        assertTrue(scores.size() > 1);
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(scores.get(i - 1) >= scores.get(i), "descending: " + scores);
        }
    }

    @Test
    void aThemeFilterNarrowsTheHitsToItsCountAndLeavesTheOtherThemesCounted() {
        Response all = search("publisher", SEED_PUBLISHER);
        Map<String, Integer> themeCounts = counts(all, "theme");
        assertFalse(themeCounts.isEmpty());
        String theme = themeCounts.keySet().iterator().next();
        Response filtered = search("publisher", SEED_PUBLISHER, "theme", theme);
        assertEquals(themeCounts.get(theme), (Integer) filtered.path("totalItems"));
        assertEquals(themeCounts, counts(filtered, "theme"), "drill-sideways: the theme facet ignores its own filter");
        List<Map<String, Object>> themes = filtered.path("facets.find { it.name == 'theme' }.values");
        assertTrue(themes.stream().anyMatch(v -> v.get("value").equals(theme) && Boolean.TRUE.equals(v.get("selected"))));
        // The publisher facet applies the theme filter: its count is the filtered total.
        assertEquals(filtered.<Integer>path("totalItems"), counts(filtered, "publisher").get(SEED_PUBLISHER));
    }

    @Test
    void everyFacetIsCountedAndEveryDatasetOffersTheThreeFormats() {
        Response all = search("publisher", SEED_PUBLISHER);
        int total = all.path("totalItems");
        assertEquals(List.of("theme", "publisher", "format", "license", "frequency", "year"), all.path("facets.name"));
        Map<String, Integer> formats = counts(all, "format");
        assertEquals(Map.of("csv", total, "excel-csv", total, "json", total), formats);
        assertEquals(total, counts(all, "license").values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(total, counts(all, "frequency").values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void aYearFilterKeepsTheDatasetsCoveringThatYear() {
        // doubling-plan-indicators covers 2017 to 2022 (its csv-metadata.json dc:temporal)
        assertTrue(ids(search("year", "2019", "publisher", SEED_PUBLISHER)).contains("doubling-plan-indicators"));
        assertFalse(ids(search("year", "2012", "publisher", SEED_PUBLISHER)).contains("doubling-plan-indicators"));
    }

    @Test
    void pagesDoNotOverlapAndCountTheWholeList() {
        Response first = given().queryParam("size", 3).queryParam("page", 1).get("/api/search");
        Response second = given().queryParam("size", 3).queryParam("page", 2).get("/api/search");
        List<String> a = first.path("items.id");
        List<String> b = second.path("items.id");
        assertEquals(3, a.size());
        assertTrue(b.stream().noneMatch(a::contains), a + " / " + b);
        int total = first.path("totalItems");
        assertEquals((total + 2) / 3, (int) first.path("totalPages"));
        given().queryParam("page", 100000).get("/api/search").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void browsingListsTheNewestFirstAndTitleSortFollowsTheChineseCollation() {
        Response newest = search("publisher", SEED_PUBLISHER);
        assertEquals("newest", newest.path("sort"));
        List<String> modified = newest.path("items.modified");
        for (int i = 1; i < modified.size(); i++) {
            assertTrue(modified.get(i - 1).compareTo(modified.get(i)) >= 0, modified.toString());
        }
        List<String> titles = search("publisher", SEED_PUBLISHER, "sort", "title").path("items.title.zh");
        var collator = java.text.Collator.getInstance(java.util.Locale.SIMPLIFIED_CHINESE);
        List<String> sorted = titles.stream().sorted(collator).toList();
        assertEquals(sorted, titles);
    }

    @Test
    void nothingFoundOffersSuggestions() {
        Response r = search("q", "robts");
        assertEquals(0, (int) r.path("totalItems"));
        assertTrue(r.<List<String>>path("suggestions.findAll { it.kind == 'spelling' }.value").contains("robots"),
                r.path("suggestions").toString());
        assertTrue(r.<List<String>>path("suggestions.kind").contains("theme"));
        // No seed file has the run 机器人专利; the indicators named with its words are offered instead.
        assertTrue(SeedFiles.anyFileContaining("机器人专利").isEmpty());
        Response chinese = search("q", "机器人专利");
        assertEquals(0, (int) chinese.path("totalItems"));
        assertTrue(chinese.<List<String>>path("suggestions.findAll { it.kind == 'indicator' }.value")
                .containsAll(SeedFiles.indicatorsNamed("专利")), chinese.path("suggestions").toString());
    }

    @ParameterizedTest
    @CsvSource({
            "sort, best",
            "theme, NOT-A-THEME",
            "publisher, nobody",
            "format, pdf",
            "year, 20x1",
            "license, mine",
            "frequency, hourly",
            "page, 0",
            "size, abc",
    })
    void aBadParameterIsA400NamingIt(String parameter, String value) {
        given().queryParam(parameter, value).when().get("/api/search")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(parameter));
    }

    @Test
    void anOverlongQueryIsA400() {
        given().queryParam("q", "数".repeat(201)).when().get("/api/search")
                .then().statusCode(400).body("errors.field", hasItem("q"));
    }

    private static Map<String, Integer> counts(Response r, String facet) {
        List<Map<String, Object>> values = r.path("facets.find { it.name == '" + facet + "' }.values");
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        values.forEach(v -> counts.put((String) v.get("value"), (Integer) v.get("count")));
        return counts;
    }
}
