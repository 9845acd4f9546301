package cn.zjdata.portal.sparql;

import cn.zjdata.portal.common.PortalUris;
import cn.zjdata.portal.linkeddata.RdfStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static cn.zjdata.portal.sparql.SparqlTestSupport.ASK;
import static cn.zjdata.portal.sparql.SparqlTestSupport.CONSTRUCT;
import static cn.zjdata.portal.sparql.SparqlTestSupport.SELECT;
import static cn.zjdata.portal.sparql.SparqlTestSupport.client;
import static cn.zjdata.portal.sparql.SparqlTestSupport.direct;
import static cn.zjdata.portal.sparql.SparqlTestSupport.encode;
import static cn.zjdata.portal.sparql.SparqlTestSupport.form;
import static cn.zjdata.portal.sparql.SparqlTestSupport.parse;
import static cn.zjdata.portal.sparql.SparqlTestSupport.rows;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP contract of /sparql: formats and negotiation, protocol errors, datasets, CORS, the service
 * description and the query page. Limits are tested in {@link SparqlLimitsTest}, caching in
 * {@link SparqlCachingTest}, the W3C protocol tests in {@link SparqlProtocolConformanceTest}.
 */
@QuarkusTest
@TestProfile(SparqlTestSupport.SmallLimits.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparqlResourceTest {

    @Inject
    RdfStore store;
    @Inject
    PortalUris portal;
    @Inject
    ExampleQueries examples;

    @BeforeAll
    void loadSyntheticGraph() {
        SparqlTestSupport.loadSynthetic(store);
    }

    @AfterAll
    void removeSyntheticGraph() {
        SparqlTestSupport.remove(store, SparqlTestSupport.SYNTHETIC);
    }

    // --- formats ----------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyResultFormatIsNegotiatedByAcceptAndByTheFormatParameter() {
        return SparqlFormat.results().stream().flatMap(f -> Stream.of(
                DynamicTest.dynamicTest(f + " by Accept", () -> {
                    Response r = client().accept(f.mediaType).queryParam("query", SELECT).get("/sparql");
                    r.then().statusCode(200).contentType(startsWith(f.mediaType)).header("Vary", containsString("Accept"));
                    assertEquals(3, rows(r, f), "3 rows as " + f);
                }),
                DynamicTest.dynamicTest(f + " by format=" + f.token, () -> {
                    Response r = client().accept("text/html").queryParam("query", SELECT).queryParam("format", f.token).get("/sparql");
                    r.then().statusCode(200).contentType(startsWith(f.mediaType));
                    assertEquals(3, rows(r, f));
                }),
                DynamicTest.dynamicTest(f + " for ASK", () -> client().accept(f.mediaType).queryParam("query", ASK)
                        .get("/sparql").then().statusCode(200).contentType(startsWith(f.mediaType))
                        .body(containsString("true")))));
    }

    @TestFactory
    Stream<DynamicTest> everyGraphFormatIsNegotiatedByAcceptAndByTheFormatParameter() {
        return SparqlFormat.graphs().stream().flatMap(f -> Stream.of(
                DynamicTest.dynamicTest(f + " by Accept", () -> {
                    Response r = direct(CONSTRUCT).accept(f.mediaType).post("/sparql");
                    r.then().statusCode(200).contentType(startsWith(f.mediaType));
                    assertEquals(3, parse(r, f.lang).size());
                }),
                DynamicTest.dynamicTest(f + " by format=" + f.token, () -> {
                    Response r = client().queryParam("query", CONSTRUCT).queryParam("format", f.token).get("/sparql");
                    r.then().statusCode(200).contentType(startsWith(f.mediaType));
                    assertEquals(3, parse(r, f.lang).size());
                })));
    }

    @Test
    void withoutAnAcceptHeaderSelectIsJsonAndConstructIsTurtle() {
        client().queryParam("query", SELECT).get("/sparql").then().statusCode(200)
                .contentType(startsWith("application/sparql-results+json"));
        client().queryParam("query", CONSTRUCT).get("/sparql").then().statusCode(200)
                .contentType(startsWith("text/turtle"));
    }

    @Test
    void qValuesDecideAmongTheOffers() {
        client().accept("application/sparql-results+json;q=0.5, text/csv, */*;q=0.1").queryParam("query", SELECT)
                .get("/sparql").then().statusCode(200).contentType(startsWith("text/csv"));
        client().accept("text/turtle;q=0.2, application/n-triples;q=0.9").queryParam("query", CONSTRUCT)
                .get("/sparql").then().statusCode(200).contentType(startsWith("application/n-triples"));
    }

    @Test
    void nothingAcceptableIsA406ThatListsTheOffers() {
        client().accept("image/png").queryParam("query", SELECT).get("/sparql").then().statusCode(406)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("application/sparql-results+json"))
                .body("detail", containsString("text/tab-separated-values"));
        client().queryParam("query", SELECT).queryParam("format", "ttl").get("/sparql").then().statusCode(406)
                .body("detail", containsString("format=json"));
        client().queryParam("query", CONSTRUCT).queryParam("format", "no-such-format").get("/sparql").then()
                .statusCode(406).body("detail", containsString("text/turtle"));
    }

    @Test
    void aHeadRequestGetsTheHeadersOfTheAnswer() {
        client().queryParam("query", SELECT).head("/sparql").then().statusCode(200)
                .contentType(startsWith("application/sparql-results+json")).header("ETag", startsWith("\""));
    }

    // --- protocol errors ----------------------------------------------------------------------------

    @Test
    void aSyntaxErrorIsA400WithTheParsersMessage() {
        client().queryParam("query", "SELECT * WHERE { ?s ?p }").get("/sparql").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("detail", containsString("line 1"))
                .body("detail", containsString("Encountered"));
    }

    @Test
    void anUpdateIsRefusedAsReadOnlyInEveryFormAndNeverRuns() {
        String graph = "urn:x-test:sparql:must-not-exist";
        String update = "INSERT DATA { GRAPH <" + graph + "> { <urn:x-test:a> <urn:x-test:b> <urn:x-test:c> } }";
        client().queryParam("update", update).get("/sparql").then().statusCode(403)
                .body("title", containsString("read-only"));
        form("update=" + encode(update)).post("/sparql").then().statusCode(403);
        client().contentType("application/sparql-update").body(update.getBytes(StandardCharsets.UTF_8))
                .post("/sparql").then().statusCode(403);
        client().queryParam("query", update).get("/sparql").then().statusCode(403);
        form("query=" + encode(update)).post("/sparql").then().statusCode(403);
        direct(update).post("/sparql").then().statusCode(403);
        form("query=" + encode(ASK) + "&using-graph-uri=" + encode(graph)).post("/sparql").then().statusCode(403);
        assertFalse(SparqlTestSupport.exists(store, graph), "no update ran");
    }

    @Test
    void moreThanOneQueryIsA400() {
        client().queryParam("query", ASK).queryParam("query", SELECT).get("/sparql").then().statusCode(400);
        form("query=" + encode(ASK) + "&query=" + encode(SELECT)).post("/sparql").then().statusCode(400);
        direct(ASK).queryParam("query", SELECT).post("/sparql").then().statusCode(400);
    }

    @Test
    void aPostOfAnyOtherContentTypeIs415() {
        client().contentType("text/plain").body(ASK.getBytes(StandardCharsets.UTF_8)).post("/sparql").then().statusCode(415)
                .contentType(startsWith("application/problem+json"));
        client().body(ASK.getBytes(StandardCharsets.UTF_8)).post("/sparql").then().statusCode(415);
        client().contentType("application/sparql-query; charset=UTF-16").body(ASK.getBytes(StandardCharsets.UTF_16))
                .post("/sparql").then().statusCode(415);
        direct(ASK).header("Content-Encoding", "gzip").post("/sparql").then().statusCode(415);
    }

    @Test
    void otherMethodsAre405WithTheAllowedOnes() {
        for (String method : new String[]{"PUT", "DELETE", "PATCH"}) {
            direct(ASK).request(method, "/sparql").then().statusCode(405)
                    .contentType(startsWith("application/problem+json"))
                    .header("Allow", "GET, POST, OPTIONS");
        }
    }

    @Test
    void federatedQueriesAreNotRun() {
        client().queryParam("query", "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
                .get("/sparql").then().statusCode(400).body("detail", containsString("SERVICE"));
    }

    // --- datasets -----------------------------------------------------------------------------------

    @Test
    void theDefaultGraphIsTheUnionOfTheNamedGraphsUnlessTheRequestNamesOne() {
        String count = "SELECT (COUNT(*) AS ?n) WHERE { ?s <" + SparqlTestSupport.PREDICATE + "> ?o }";
        client().queryParam("query", count).get("/sparql").then().statusCode(200)
                .body("results.bindings[0].n.value", equalTo("3000"));
        client().queryParam("query", count).queryParam("default-graph-uri", "urn:x-test:sparql:empty").get("/sparql")
                .then().statusCode(200).body("results.bindings[0].n.value", equalTo("0"));
        String from = "SELECT (COUNT(*) AS ?n) FROM <" + SparqlTestSupport.SYNTHETIC + "> WHERE { ?s <"
                + SparqlTestSupport.PREDICATE + "> ?o }";
        client().queryParam("query", from).get("/sparql").then().body("results.bindings[0].n.value", equalTo("3000"));
        client().queryParam("query", from).queryParam("default-graph-uri", "urn:x-test:sparql:empty").get("/sparql")
                .then().body("results.bindings[0].n.value", equalTo("0"));
        client().queryParam("query", "SELECT ?g WHERE { GRAPH ?g { <" + SparqlTestSupport.SUBJECT + "1> ?p ?o } }")
                .queryParam("named-graph-uri", SparqlTestSupport.SYNTHETIC).get("/sparql").then()
                .body("results.bindings[0].g.value", equalTo(SparqlTestSupport.SYNTHETIC));
    }

    // --- CORS ---------------------------------------------------------------------------------------

    @Test
    void answersAndErrorsAllowAnyOriginAndThePreflightSaysWhatIsAllowed() {
        client().header("Origin", "https://example.org").queryParam("query", ASK).get("/sparql").then()
                .statusCode(200).header("Access-Control-Allow-Origin", "*");
        client().header("Origin", "https://example.org").queryParam("query", "ASK {").get("/sparql").then()
                .statusCode(400).header("Access-Control-Allow-Origin", "*");
        client().header("Origin", "https://example.org").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").options("/sparql").then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                .header("Access-Control-Allow-Headers", "Accept, Content-Type");
    }

    // --- service description and page --------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> theServiceDescriptionParsesInEveryFormatAndNamesTheEndpoint() {
        return SparqlFormat.graphs().stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
            Response r = client().accept(f.mediaType).get("/sparql");
            r.then().statusCode(200).contentType(startsWith(f.mediaType)).header("ETag", startsWith("\""));
            Graph g = parse(r, f.lang);
            String sd = "http://www.w3.org/ns/sparql-service-description#";
            assertTrue(g.contains(Node.ANY, NodeFactory.createURI(sd + "endpoint"),
                    NodeFactory.createURI(portal.resolve("sparql"))), "sd:endpoint");
            assertTrue(g.contains(Node.ANY, NodeFactory.createURI(sd + "supportedLanguage"), NodeFactory.createURI(sd + "SPARQL11Query")));
            assertTrue(g.contains(Node.ANY, NodeFactory.createURI(sd + "feature"), NodeFactory.createURI(sd + "UnionDefaultGraph")));
            assertTrue(g.contains(Node.ANY, NodeFactory.createURI(sd + "resultFormat"),
                    NodeFactory.createURI("http://www.w3.org/ns/formats/SPARQL_Results_JSON")));
            assertTrue(g.contains(Node.ANY, NodeFactory.createURI(sd + "name"), NodeFactory.createURI(SparqlTestSupport.SYNTHETIC)),
                    "the named graphs are listed");
        }));
    }

    @Test
    void aClientThatAcceptsAnythingGetsTheServiceDescriptionAsTurtle() {
        client().accept("*/*").get("/sparql").then().statusCode(200).contentType(startsWith("text/turtle"));
    }

    @Test
    void aBrowserGetsTheQueryPageWithEveryExample() {
        Response page = client().accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").get("/sparql");
        page.then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<form method=\"get\" action=\"/sparql\""))
                .body(containsString("<textarea"))
                .body(containsString("<select id=\"format\" name=\"format\">"))
                .body(not(containsString("<script>")));
        String html = page.asString();
        for (ExampleQuery example : examples.list()) {
            assertTrue(html.contains(example.titleZh()) && html.contains(example.titleEn()), example.id());
            assertTrue(html.contains(escape(example.query())), example.id() + " is shown, escaped");
        }
        client().accept("text/html").queryParam("example", "busiest-departments").get("/sparql").then().statusCode(200)
                .body(containsString("COUNT(DISTINCT ?target)"));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleQueryParsesAndRuns() {
        return examples.list().stream().map(e -> DynamicTest.dynamicTest(e.id(), () -> {
            QueryFactory.create(e.query());
            assertTrue(e.query().contains("<" + portal.resolve("def/zjde#") + ">"), "zjde: follows the base URI");
            client().queryParam("query", e.query()).get("/sparql").then().statusCode(200);
        }));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
