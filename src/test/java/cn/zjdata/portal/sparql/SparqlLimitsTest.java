package cn.zjdata.portal.sparql;

import cn.zjdata.portal.linkeddata.RdfStore;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static cn.zjdata.portal.sparql.SparqlTestSupport.ASK;
import static cn.zjdata.portal.sparql.SparqlTestSupport.SELECT;
import static cn.zjdata.portal.sparql.SparqlTestSupport.VALUES_30;
import static cn.zjdata.portal.sparql.SparqlTestSupport.client;
import static cn.zjdata.portal.sparql.SparqlTestSupport.direct;
import static cn.zjdata.portal.sparql.SparqlTestSupport.encode;
import static cn.zjdata.portal.sparql.SparqlTestSupport.form;
import static cn.zjdata.portal.sparql.SparqlTestSupport.parse;
import static cn.zjdata.portal.sparql.SparqlTestSupport.rows;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The endpoint's limits: time, query length, rows, triples; none of them can be got around. */
@QuarkusTest
@TestProfile(SparqlTestSupport.SmallLimits.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparqlLimitsTest {

    static final String RUNAWAY_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
    static final String RUNAWAY_ORDER = "SELECT ?a ?d ?g WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i";
    static final String NINE_HUNDRED_ROWS = "SELECT ?a ?b WHERE { VALUES ?a { " + VALUES_30 + " } VALUES ?b { " + VALUES_30 + " } }";

    @Inject
    RdfStore store;
    @Inject
    QueryRunner runner;
    @TestHTTPResource("/")
    URI base;

    @BeforeAll
    void loadSyntheticGraph() {
        SparqlTestSupport.loadSynthetic(store);
    }

    @AfterAll
    void removeSyntheticGraph() {
        SparqlTestSupport.remove(store, SparqlTestSupport.SYNTHETIC);
    }

    @Test
    void aQueryThatRunsTooLongIsA503AndTheServerGoesOnAnswering() {
        for (String runaway : new String[]{RUNAWAY_COUNT, RUNAWAY_ORDER}) {
            long started = System.nanoTime();
            client().queryParam("query", runaway).queryParam("timeout", "0.5").get("/sparql").then().statusCode(503)
                    .contentType(startsWith("application/problem+json"))
                    .body("detail", containsString("0.5 s"));
            assertTrue(System.nanoTime() - started < 20_000_000_000L, "stopped long before the server's own 30 s");
            assertEquals(0, runner.running(), "the query was stopped, not left running");
            client().queryParam("query", ASK).get("/sparql").then().statusCode(200).body(containsString("true"));
        }
    }

    @Test
    void otherQueriesAreAnsweredWhileARunawayQueryRuns() {
        CompletableFuture<Integer> runaway = CompletableFuture.supplyAsync(() -> client()
                .queryParam("query", RUNAWAY_COUNT).queryParam("timeout", "3").get("/sparql").statusCode());
        while (runner.running() == 0 && !runaway.isDone()) {
            Thread.onSpinWait();
        }
        client().queryParam("query", SELECT).get("/sparql").then().statusCode(200);
        client().get("/sparql").then().statusCode(200);
        assertEquals(1, runner.running(), "answered while the runaway query was still running");
        assertEquals(503, runaway.join());
    }

    @Test
    void aBadTimeoutParameterIsA400AndALargeOneDoesNotRaiseTheServers() {
        client().queryParam("query", ASK).queryParam("timeout", "soon").get("/sparql").then().statusCode(400);
        client().queryParam("query", ASK).queryParam("timeout", "0").get("/sparql").then().statusCode(400);
        client().queryParam("query", ASK).queryParam("timeout", "1000000").get("/sparql").then().statusCode(200);
    }

    @Test
    void aQueryOverTheLengthLimitIs413InAPostAnd400InAGet() {
        String padding = "#" + "x".repeat(2100) + "\n";
        direct(padding + ASK).post("/sparql").then().statusCode(413).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("2048 bytes"));
        form("query=" + encode(padding + ASK)).post("/sparql").then().statusCode(413).body("detail", containsString("2048 bytes"));
        client().queryParam("query", padding + ASK).get("/sparql").then().statusCode(400)
                .body("detail", containsString("longer than"));
        direct("#" + "x".repeat(1900) + "\n" + ASK).post("/sparql").then().statusCode(200);
    }

    @Test
    void aChunkedBodyCannotGetPastTheLengthLimit() throws Exception {
        byte[] big = ("#" + "x".repeat(5000) + "\n" + ASK).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/sparql"))
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
    }

    @Test
    void selectRowsAreCutAtTheRowLimitWhichAHeaderStates() {
        Response cut = client().queryParam("query", NINE_HUNDRED_ROWS).get("/sparql");
        cut.then().statusCode(200).header(SparqlAnswer.RESULT_LIMIT, "500");
        assertEquals(500, rows(cut, SparqlFormat.JSON));
        Response limited = client().queryParam("query", NINE_HUNDRED_ROWS + " LIMIT 7").get("/sparql");
        limited.then().statusCode(200).header(SparqlAnswer.RESULT_LIMIT, "7");
        assertEquals(7, rows(limited, SparqlFormat.JSON));
        Response tooHigh = client().queryParam("query", NINE_HUNDRED_ROWS + " LIMIT 100000").queryParam("format", "tsv")
                .get("/sparql");
        tooHigh.then().header(SparqlAnswer.RESULT_LIMIT, "500");
        assertEquals(500, rows(tooHigh, SparqlFormat.TSV));
    }

    @Test
    void aLargeAnswerIsStreamedWholeAndThenServedFromTheCache() {
        String wide = "SELECT ?a ?b ?text WHERE { VALUES ?a { " + VALUES_30 + " } VALUES ?b { " + VALUES_30
                + " } BIND(CONCAT(STR(?a), \"-\", STR(?b), \"-" + "x".repeat(300) + "\") AS ?text) }";
        Response streamed = client().queryParam("query", wide).get("/sparql");
        streamed.then().statusCode(200).header("Content-Length", nullValue()).header(SparqlAnswer.RESULT_LIMIT, "500");
        assertTrue(streamed.asByteArray().length > QueryRunner.CHUNK_SIZE, "larger than what is held back");
        assertEquals(500, rows(streamed, SparqlFormat.JSON));
        Response again = client().queryParam("query", wide).get("/sparql");
        again.then().statusCode(200).header("ETag", streamed.header("ETag"));
        assertEquals(streamed.asString(), again.asString());
    }

    @TestFactory
    Stream<DynamicTest> aConstructOfMoreTriplesThanTheLimitIsCutInEveryFormat() {
        String construct = "CONSTRUCT { ?s <urn:x-test:p> ?b } WHERE { VALUES ?a { " + VALUES_30 + " } VALUES ?b { "
                + VALUES_30 + " } BIND(IRI(CONCAT('urn:x-test:s', STR(?a))) AS ?s) }";
        return SparqlFormat.graphs().stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
            Response r = client().accept(f.mediaType).queryParam("query", construct).get("/sparql");
            r.then().statusCode(200).header(SparqlAnswer.RESULT_LIMIT, "400");
            assertEquals(400, parse(r, f.lang).size());
        }));
    }

    @Test
    void describeAnswersTheResourcesTriplesAndIsCutAtTheTripleLimit() {
        Response one = client().accept("application/n-triples")
                .queryParam("query", "DESCRIBE <" + SparqlTestSupport.SUBJECT + "7>").get("/sparql");
        one.then().statusCode(200);
        Graph g = parse(one, Lang.NTRIPLES);
        assertEquals(1, g.size());
        assertTrue(g.contains(NodeFactory.createURI(SparqlTestSupport.SUBJECT + "7"), Node.ANY,
                NodeFactory.createLiteralString("v7")));
        Response all = client().accept("application/n-triples").queryParam("query",
                "DESCRIBE ?s WHERE { ?s <" + SparqlTestSupport.PREDICATE + "> ?o }").get("/sparql");
        all.then().statusCode(200).header(SparqlAnswer.RESULT_LIMIT, "400");
        assertEquals(400, parse(all, Lang.NTRIPLES).size(), "3000 resources match; the answer stops at the limit");
    }
}
