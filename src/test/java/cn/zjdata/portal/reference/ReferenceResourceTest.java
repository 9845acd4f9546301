package cn.zjdata.portal.reference;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@Tag("database")
class ReferenceResourceTest {

    @Test
    void listsPublishersWithHowManyDatasetsEachPublishes() {
        given().get("/api/publishers").then().statusCode(200)
                .body("find { it.id == 'digital-economy-office' }.name.zh", equalTo("浙江省数字经济发展领导小组办公室"))
                .body("find { it.id == 'digital-economy-office' }.datasets", equalTo(9));
        given().get("/api/publishers/digital-economy-office").then().statusCode(200).body("name.en", notNullValue());
        given().get("/api/publishers/nobody").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void listsThemesCategoriesPlansDocumentsAndUnits() {
        given().get("/api/themes").then().statusCode(200)
                .body("find { it.id == 'ECON' }.uri", equalTo("http://publications.europa.eu/resource/authority/data-theme/ECON"));
        given().get("/api/categories").then().statusCode(200)
                .body("id", hasItems("overall-scale", "digital-industrialisation", "industrial-digitalisation", "infrastructure"));
        given().get("/api/plans").then().statusCode(200)
                .body("find { it.id == 'doubling-plan' }.start", equalTo(2018))
                .body("find { it.id == 'doubling-plan' }.end", equalTo(2022));
        given().get("/api/documents").then().statusCode(200)
                .body("number", hasItem("浙政办发〔2021〕35号"));
        given().get("/api/units").then().statusCode(200)
                .body("find { it.id == '1t-yuan' }.base", equalTo("yuan"));
    }
}
