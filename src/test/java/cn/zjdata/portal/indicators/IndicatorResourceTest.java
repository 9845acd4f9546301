package cn.zjdata.portal.indicators;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@Tag("database")
class IndicatorResourceTest {

    @Test
    void listsIndicatorsByCategoryEachWithItsProgress() {
        given().queryParam("category", "infrastructure").queryParam("size", 100).get("/api/indicators")
                .then().statusCode(200)
                .body("items.category.id", everyItem(equalTo("infrastructure")))
                .body("items.code", hasItems("internet-penetration-rate", "interprovincial-internet-bandwidth"))
                .body("items.progress.status", everyItem(notNullValue()));
    }

    @Test
    void filtersIndicatorsByThePlanThatNamesThem() {
        Response response = given().queryParam("plan", "fourteenth-five-year-plan").queryParam("size", 100).get("/api/indicators");
        response.then().statusCode(200).body("items.code", hasItems("digital-economy-share-of-gdp", "core-industry-share-of-gdp"));
        List<List<String>> plans = response.path("items.plans.id");
        plans.forEach(p -> assertTrue(p.contains("fourteenth-five-year-plan"), p.toString()));
        int all = given().get("/api/indicators").path("totalItems");
        assertTrue((int) response.path("totalItems") < all);
    }

    @Test
    void showsOneSeriesWithEveryFigureItsSourceAndProgress() {
        Response response = given().get("/api/indicators/digital-economy-value-added");
        response.then().statusCode(200)
                .body("name.zh", equalTo("数字经济增加值"))
                .body("aliases", hasItem("数字经济总量"))
                .body("unit.id", equalTo("100m-yuan"))
                .body("observations.find { it.period == 2017 && it.kind == 'baseline' }.value", equalTo(20658))
                .body("observations.find { it.period == 2018 && it.kind == 'actual' }.valueAsPrinted", equalTo("2.33万亿元"))
                .body("observations.find { it.period == 2018 && it.kind == 'actual' }.value", equalTo(23300))
                .body("observations.find { it.period == 2018 && it.kind == 'actual' }.indicatorName", equalTo("数字经济总量"))
                .body("observations.find { it.period == 2020 && it.kind == 'actual' }.source.document", equalTo("zzbf-2021-35"))
                .body("observations.find { it.period == 2020 && it.kind == 'actual' }.source.quote", containsString("30218"))
                .body("observations.source.section", everyItem(notNullValue()))
                .body("observations.dataset.id", everyItem(notNullValue()))
                .body("progress.latestActual.period", equalTo(2021))
                .body("progress.nextTarget.period", equalTo(2022))
                .body("progress.baseline.period", equalTo(2017));
        float share = response.path("progress.shareOfWay");
        float expected = response.path("progress.expectedShare");
        // (36000 − 20658) / (40000 − 20658) against (2021 − 2017) / (2022 − 2017)
        assertEquals((36000f - 20658f) / (40000f - 20658f), share, 0.0001f);
        assertEquals(0.8f, expected, 0.0001f);
        assertEquals(share >= expected ? "on-track" : "behind", response.path("progress.status"));
    }

    @Test
    void reportsWhichTargetsOfAPastYearWereMissed() {
        Map<String, Object> assessment = given().get("/api/indicators/digital-economy-share-of-gdp")
                .path("progress.targets.find { it.target.period == 2020 }");
        assertEquals(Boolean.FALSE, assessment.get("achieved"), "46.8% in 2020 against a 47% target");
        given().get("/api/indicators/digital-economy-value-added").then()
                .body("progress.targets.find { it.target.period == 2020 }.achieved", equalTo(true));
    }

    @Test
    void qualityNotesTravelWithTheFigure() {
        given().get("/api/indicators/industrial-digitalisation-value-added").then().statusCode(200)
                .body("observations[0].valueAsPrinted", equalTo("1.81亿元"))
                .body("observations[0].qualityNote", notNullValue());
    }

    @Test
    void anUnknownIndicatorIs404AndAnUnknownFilterIs400() {
        given().get("/api/indicators/no-such-indicator").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("no-such-indicator"));
        given().queryParam("category", "nope").get("/api/indicators").then().statusCode(400)
                .body("errors[0].field", equalTo("category"));
        given().queryParam("plan", "nope").get("/api/indicators").then().statusCode(400)
                .body("errors[0].field", equalTo("plan"));
        given().queryParam("page", "-1").get("/api/indicators").then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
    }
}
