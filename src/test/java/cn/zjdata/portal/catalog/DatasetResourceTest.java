package cn.zjdata.portal.catalog;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@Tag("database")
class DatasetResourceTest {

    private static final String SEED_PUBLISHER = "digital-economy-office";

    @Test
    void listsTheSeedCatalogEachWithItsDownloadLinks() {
        given().queryParam("publisher", SEED_PUBLISHER).queryParam("size", 100)
                .when().get("/api/datasets")
                .then().statusCode(200)
                .body("totalItems", equalTo(9))
                .body("items.id", hasItems("doubling-plan-indicators", "progress-2018", "city-digital-economy-roles"))
                .body("items.title.zh", everyItem(notNullValue()))
                .body("items.title.en", everyItem(notNullValue()))
                .body("items.distributions.flatten().findAll { it.id == 'csv' }.downloadUrl",
                        everyItem(containsString("/data.csv")))
                .body("items.distributions.flatten().findAll { it.id == 'json' }.downloadUrl",
                        everyItem(containsString("/data.json")));
    }

    @Test
    void pagesDoNotOverlapAndCountTheWholeList() {
        Response first = given().queryParam("size", 2).queryParam("page", 1).get("/api/datasets");
        Response second = given().queryParam("size", 2).queryParam("page", 2).get("/api/datasets");
        List<String> a = first.path("items.id");
        List<String> b = second.path("items.id");
        assertEquals(2, a.size());
        assertTrue(b.stream().noneMatch(a::contains), a + " / " + b);
        int total = first.path("totalItems");
        assertEquals((total + 1) / 2, (int) first.path("totalPages"));
    }

    @Test
    void filtersByThemePublisherKeywordAndText() {
        given().queryParam("theme", "REGI").get("/api/datasets").then().statusCode(200)
                .body("items.id", hasItem("city-digital-economy-roles"))
                .body("items.themes", everyItem(hasItem(Map.of("id", "REGI", "name",
                        Map.of("zh", "地区和城市", "en", "Regions and cities")))));
        given().queryParam("keyword", "倍增计划").get("/api/datasets").then().statusCode(200)
                .body("items.id", hasItem("doubling-plan-indicators"))
                .body("items.keywords.zh", everyItem(hasItem("倍增计划")));
        given().queryParam("q", "十四五").get("/api/datasets").then().statusCode(200)
                .body("items.id", hasItem("fourteenth-five-year-plan-indicators"));
        given().queryParam("q", "Doubling Plan").get("/api/datasets").then().statusCode(200)
                .body("items.id", hasItem("doubling-plan-indicators"));
    }

    @Test
    void likeWildcardsInFreeTextMatchLiterally() {
        given().queryParam("q", "%_%").get("/api/datasets").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @ParameterizedTest
    @CsvSource({"page,-1", "page,abc", "size,1000000000", "size,0"})
    void badPagingIsA400ProblemNamingTheParameter(String parameter, String value) {
        given().queryParam(parameter, value).get("/api/datasets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo(parameter))
                .body("detail", containsString(parameter));
    }

    @Test
    void pageSizesAboveTheMaximumAreClamped() {
        given().queryParam("size", 500).get("/api/datasets").then().statusCode(200).body("size", equalTo(100));
    }

    @Test
    void anUnknownThemeOrPublisherFilterIsA400() {
        given().queryParam("theme", "NOPE").get("/api/datasets").then().statusCode(400).body("errors[0].field", equalTo("theme"));
        given().queryParam("publisher", "nope").get("/api/datasets").then().statusCode(400).body("errors[0].field", equalTo("publisher"));
    }

    @Test
    void showsADatasetWithSchemaSourcesDistributionsAndReleases() {
        given().get("/api/datasets/doubling-plan-indicators").then().statusCode(200)
                .body("id", equalTo("doubling-plan-indicators"))
                .body("title.zh", containsString("倍增计划"))
                .body("publisher.id", equalTo(SEED_PUBLISHER))
                .body("license.id", startsWith("https://creativecommons.org/licenses/by/4.0"))
                .body("accrualPeriodicity.name.en", notNullValue())
                .body("temporal.start", equalTo("2017"))
                .body("sources.id", hasItem("zzbf-2018-91"))
                .body("sources.find { it.id == 'zzbf-2018-91' }.number", equalTo("浙政办发〔2018〕91号"))
                .body("schema.find { it.name == 'value' }.datatype", equalTo("decimal"))
                .body("schema.find { it.name == 'period' }.datatype", equalTo("gYear"))
                .body("primaryKey", hasItems("indicator", "period", "kind"))
                .body("distributions.id", hasItems("csv", "excel-csv", "json", "csvw"))
                .body("distributions.find { it.id == 'csv' }.checksum", startsWith("sha256:"))
                .body("releases", hasSize(greaterThanOrEqualTo(1)))
                .body("releases[0].changeNote", notNullValue())
                .body("releases[0].rowCount", equalTo(74))
                .body("currentRelease.number", equalTo((Integer) given().get("/api/datasets/doubling-plan-indicators").path("releases[0].number")));
    }

    @Test
    void showsOneRelease() {
        given().get("/api/datasets/progress-2018/releases/1").then().statusCode(200)
                .body("number", equalTo(1))
                .body("status", equalTo("published"))
                .body("publishedBy", equalTo("seed-import"))
                .body("distributions.find { it.id == 'csv' }.downloadUrl", containsString("/releases/1/data.csv"));
    }

    @Test
    void anUnknownDatasetOrReleaseIsA404Problem() {
        given().get("/api/datasets/no-such-dataset").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("no-such-dataset"))
                .body("instance", equalTo("/api/datasets/no-such-dataset"));
        given().get("/api/datasets/progress-2018/releases/999").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
