package cn.zjdata.portal.sparql;

import cn.zjdata.portal.linkeddata.RdfStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static cn.zjdata.portal.sparql.SparqlTestSupport.SUBJECT;
import static cn.zjdata.portal.sparql.SparqlTestSupport.client;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Repeated queries are answered from memory until the store changes, with strong entity tags and 304s. */
@QuarkusTest
@TestProfile(SparqlTestSupport.SmallLimits.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparqlCachingTest {

    @Inject
    RdfStore store;
    @Inject
    AnswerCache cache;

    @BeforeAll
    void loadSyntheticGraph() {
        SparqlTestSupport.loadSynthetic(store);
    }

    @AfterAll
    void removeSyntheticGraph() {
        SparqlTestSupport.remove(store, SparqlTestSupport.SYNTHETIC);
    }

    @Test
    void aRepeatedQueryIsServedFromTheCacheWithTheSameEtagAndRevalidates() {
        String query = "SELECT ?o WHERE { <" + SUBJECT + "42> ?p ?o }";
        Response first = client().queryParam("query", query).get("/sparql");
        first.then().statusCode(200).header("Cache-Control", "no-cache").body(containsString("v42"));
        String etag = first.header("ETag");
        assertNotNull(etag);
        assertTrue(etag.startsWith("\"") && !etag.startsWith("W/"), "a strong tag: " + etag);
        long kept = cache.size();
        assertTrue(kept > 0, "the answer was kept");

        Response second = client().queryParam("query", "SELECT ?o\nWHERE {\n  <" + SUBJECT + "42> ?p ?o\n}  # again")
                .get("/sparql");
        second.then().statusCode(200);
        assertEquals(etag, second.header("ETag"), "the same query laid out differently has the same tag");
        assertEquals(first.asString(), second.asString());
        assertEquals(kept, cache.size(), "answered from the cache, not run and kept again");

        client().queryParam("query", query).header("If-None-Match", etag).get("/sparql").then().statusCode(304)
                .header("ETag", etag);
        client().queryParam("query", query).header("If-None-Match", "\"something-else\"").get("/sparql").then()
                .statusCode(200);
        client().queryParam("query", query).queryParam("format", "xml").get("/sparql").then().statusCode(200)
                .header("ETag", not(etag));
    }

    @Test
    void aWriteToTheStoreChangesTheEtag() {
        String graph = "urn:x-test:sparql:written-graph";
        String query = "SELECT ?o WHERE { <urn:x-test:sparql:written> ?p ?o }";
        String before = client().queryParam("query", query).get("/sparql").header("ETag");
        client().queryParam("query", query).header("If-None-Match", before).get("/sparql").then().statusCode(304);
        SparqlTestSupport.add(store, graph, "urn:x-test:sparql:written", "urn:x-test:p", "urn:x-test:o");
        try {
            Response after = client().queryParam("query", query).header("If-None-Match", before).get("/sparql");
            after.then().statusCode(200).body(containsString("urn:x-test:o"));
            assertNotEquals(before, after.header("ETag"));
        } finally {
            SparqlTestSupport.remove(store, graph);
        }
    }

    @Test
    void theServiceDescriptionIsTaggedAndRevalidated() {
        String etag = client().accept("text/turtle").get("/sparql").then().statusCode(200).extract().header("ETag");
        client().accept("text/turtle").header("If-None-Match", etag).get("/sparql").then().statusCode(304);
    }

    @Test
    void aQueryWhoseAnswerChangesEveryTimeIsNeitherTaggedNorStored() {
        client().queryParam("query", "SELECT (NOW() AS ?t) (RAND() AS ?r) WHERE {}").get("/sparql").then()
                .statusCode(200).header("Cache-Control", "no-store").header("ETag", nullValue());
        client().queryParam("query", "CONSTRUCT { [] <urn:x-test:p> 1 } WHERE {}").get("/sparql").then()
                .statusCode(200).header("ETag", nullValue());
    }
}
