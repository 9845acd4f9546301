package cn.zjdata.portal.linkeddata;

import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.support.SyntheticDatasets;
import cn.zjdata.portal.tabular.Datatype;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class LinkedDataResourceTest {

    private static final Map<String, String> OFFERS = Map.of(
            "text/turtle", "ttl", "text/html", "html", "application/ld+json", "jsonld",
            "application/rdf+xml", "rdf", "application/n-triples", "nt");

    @Inject
    SyntheticDatasets synthetic;
    @Inject
    ProjectionService projection;
    @Inject
    cn.zjdata.portal.common.PortalConfig config;
    @Inject
    RdfStore store;
    @Inject
    Uris uris;

    @Test
    void aThingsUriAnswers303ToItsDescription() {
        given().config(RestAssured.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)))
                .get("/id/dataset/progress-2018")
                .then().statusCode(303)
                .header("Location", endsWith("/doc/dataset/progress-2018"));
    }

    @Test
    void anUnknownUriIsA404Problem() {
        given().redirects().follow(false).get("/id/dataset/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/doc/dataset/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void everyOfferIsReachableByAcceptExtensionAndFormatParameter() {
        OFFERS.forEach((mediaType, extension) -> {
            given().accept(mediaType).get("/doc/dataset/progress-2018").then().statusCode(200)
                    .contentType(startsWith(mediaType))
                    .header("Vary", containsString("Accept"))
                    .header("Content-Location", equalTo("/doc/dataset/progress-2018." + extension));
            // A fixed-format URL is not negotiated on Accept (an HTML page still varies on the reader's language).
            String vary = given().get("/doc/dataset/progress-2018." + extension).then().statusCode(200)
                    .contentType(startsWith(mediaType)).extract().header("Vary");
            assertFalse(vary != null && java.util.Arrays.stream(vary.split(",")).map(String::strip)
                    .anyMatch(v -> v.equalsIgnoreCase("Accept")), extension + ": Vary " + vary);
            given().queryParam("format", extension).get("/doc/dataset/progress-2018").then().statusCode(200)
                    .contentType(startsWith(mediaType));
        });
    }

    @Test
    void eachAnswerListsItsAlternates() {
        List<String> links = given().accept("text/turtle").get("/doc/indicator/digital-economy-value-added")
                .headers().getValues("Link");
        OFFERS.forEach((mediaType, extension) -> assertTrue(links.contains(
                "</doc/indicator/digital-economy-value-added." + extension + ">; rel=\"alternate\"; type=\"" + mediaType + "\""),
                links.toString()));
    }

    @Test
    void nothingAcceptableIsA406ProblemListingTheOffers() {
        given().accept("application/xml").get("/doc/dataset/progress-2018").then().statusCode(406)
                .contentType("application/problem+json").body("detail", containsString("text/turtle"));
        given().queryParam("format", "pdf").get("/doc/dataset/progress-2018").then().statusCode(406);
    }

    @Test
    void aMatchingETagIs304AndAStaleOneGetsTheDocument() {
        Response first = given().accept("application/n-triples").get("/doc/plan/doubling-plan");
        String etag = first.header("ETag");
        given().accept("application/n-triples").header("If-None-Match", etag).get("/doc/plan/doubling-plan")
                .then().statusCode(304).body(emptyString());
        given().accept("application/n-triples").header("If-None-Match", "\"stale\"").get("/doc/plan/doubling-plan")
                .then().statusCode(200);
        given().accept("text/turtle").header("If-None-Match", etag).get("/doc/plan/doubling-plan")
                .then().statusCode(200);
    }

    @Test
    void theDescriptionOfADatasetSaysWhatDcatExpects() {
        Graph graph = parse(given().accept("application/n-triples").get("/doc/dataset/doubling-plan-indicators").asByteArray());
        String text = given().accept("application/n-triples").get("/doc/dataset/doubling-plan-indicators").asString();
        assertFalse(graph.isEmpty());
        assertTrue(text.contains("<http://www.w3.org/ns/dcat#Dataset>"));
        assertTrue(text.contains("<http://www.w3.org/ns/dcat#hasCurrentVersion> <http://localhost:8080/id/dataset/doubling-plan-indicators/release/"));
        assertTrue(text.contains("\"浙江省数字经济五年倍增计划主要指标"), "the Chinese title");
        assertTrue(text.contains("<http://purl.org/linked-data/cube#structure>"), "an observations dataset is a cube");
    }

    @Test
    void theHtmlVariantRendersMetadataFromUploadsInertly() {
        String slug = SyntheticDatasets.newSlug("xss");
        var m = SyntheticDatasets.metadata(slug, List.of(SyntheticDatasets.column("名称", Datatype.STRING, true)));
        synthetic.publish(new cn.zjdata.portal.catalog.DatasetMetadata(slug,
                LocalizedText.of("<script>alert('标题')</script>", "<img src=x onerror=alert(1)>"),
                m.description(), m.publisher(), m.themes(), m.keywords(), m.temporalStart(), m.temporalEnd(),
                m.spatial(), m.license(), m.accrualPeriodicity(), m.sources(), null, m.schema()), "名称\n<b>粗</b>\n");
        projection.applyPending();
        String html = given().accept("text/html").get("/doc/dataset/" + slug).then().statusCode(200).extract().asString();
        assertFalse(html.contains("<script>alert"), "no live script");
        assertFalse(html.contains("<img src=x"), "no live markup");
        assertTrue(html.contains("&lt;script&gt;alert"), "shown as text");
    }

    @Test
    void theCatalogIsPagedWithAHydraView() {
        given().accept("text/turtle").get("/catalog").then().statusCode(200)
                .body(containsString("dcat:Catalog"))
                .body(containsString("hydra:PartialCollectionView"));
        given().get("/catalog.ttl?page=1").then().statusCode(200).header("Content-Location", equalTo("/catalog.ttl?page=1"));
        given().get("/catalog?page=9999").then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().get("/catalog?page=-1").then().statusCode(400);
    }

    @Test
    void voidDescribesTheEndpointTheDumpAndTheGraphs() {
        String turtle = given().accept("text/turtle").get("/.well-known/void").then().statusCode(200).extract().asString();
        assertTrue(turtle.contains("void:sparqlEndpoint"));
        assertTrue(turtle.contains("/dumps/all.nq.gz"));
        assertTrue(turtle.contains("/graph/catalog"));
    }

    @Test
    void theVocabularyIsServedAtItsNamespace() {
        given().accept("text/turtle").get("/def/zjde").then().statusCode(200)
                .body(containsString("owl:Ontology"))
                .body(containsString("<http://localhost:8080/def/zjde#>"));
        given().accept("text/html").get("/def/zjde").then().statusCode(200).contentType(startsWith("text/html"));
    }

    @Test
    void theDumpsParseAndAreConditional() throws Exception {
        projection.applyPending();
        Response all = given().get("/dumps/all.nq.gz");
        all.then().statusCode(200).contentType("application/gzip");
        byte[] quads = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(all.asByteArray())).readAllBytes();
        var dataset = org.apache.jena.sparql.core.DatasetGraphFactory.create();
        RDFParser.source(new ByteArrayInputStream(quads)).lang(Lang.NQUADS).parse(dataset);
        assertTrue(dataset.listGraphNodes().hasNext(), "named graphs in the dump");
        Response catalog = given().get("/dumps/catalog.ttl");
        assertFalse(parse(catalog.asByteArray(), Lang.TURTLE).isEmpty());
        given().header("If-None-Match", catalog.header("ETag")).get("/dumps/catalog.ttl").then().statusCode(304);
        given().get("/dumps/secrets.txt").then().statusCode(404).contentType("application/problem+json");
        given().get("/dumps/..%2F..%2Fapplication.properties").then().statusCode(not(equalTo(200)));
    }

    @Test
    void aDumpsEntityTagFollowsItsBytesAcrossRewritesAndRestarts() throws Exception {
        projection.applyPending();
        Response before = given().get("/dumps/catalog.ttl");
        String tag = before.header("ETag");
        synthetic.publish(SyntheticDatasets.metadata(SyntheticDatasets.newSlug("dump-tag"),
                List.of(SyntheticDatasets.column("名称", Datatype.STRING, true))), "名称\nx\n");
        projection.applyPending();
        Response after = given().header("If-None-Match", tag).get("/dumps/catalog.ttl");
        after.then().statusCode(200);
        assertFalse(java.util.Arrays.equals(before.asByteArray(), after.asByteArray()), "the catalog dump was rewritten");
        assertFalse(tag.equals(after.header("ETag")), "new bytes, new tag");
        // A new process (the same files, nothing written since) names the same bytes by the same tag.
        Dumps restarted = new Dumps(config, store, uris);
        try (Dumps.Opened opened = restarted.open(Dumps.CATALOG).orElseThrow()) {
            assertEquals(after.header("ETag"), "\"" + opened.tag() + "\"");
        }
        Response head = given().head("/dumps/catalog.ttl");
        head.then().statusCode(200).header("ETag", after.header("ETag"));
        assertEquals(String.valueOf(after.asByteArray().length), head.header("Content-Length"));
    }

    @Test
    void aKeywordUriIsFoundWhicheverWayItsChineseIsPercentEncoded() {
        String canonical = "/doc/keyword/zh/%E6%8C%87%E6%A0%87"; // 指标, a keyword of the seed catalog
        for (String asked : List.of("/id/keyword/zh/%E6%8C%87%E6%A0%87", "/id/keyword/zh/%e6%8c%87%e6%a0%87")) {
            given().urlEncodingEnabled(false).redirects().follow(false).get(asked)
                    .then().statusCode(303).header("Location", endsWith(canonical));
        }
        given().urlEncodingEnabled(false).accept("text/turtle").get("/doc/keyword/zh/%e6%8c%87%e6%a0%87")
                .then().statusCode(200).header("Content-Location", equalTo(canonical + ".ttl"));
        given().urlEncodingEnabled(false).redirects().follow(false).get("/id/keyword/zh/%FF%FE")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void everyNameThePortalMintsIsAlreadyInCanonicalForm() {
        String idBase = uris.idBase();
        List<String> notCanonical = store.read(d -> {
            java.util.Set<String> names = new java.util.TreeSet<>();
            d.find().forEachRemaining(q -> {
                for (var node : List.of(q.getSubject(), q.getObject())) {
                    if (node.isURI() && node.getURI().startsWith(idBase)) {
                        names.add(node.getURI().substring(idBase.length()));
                    }
                }
            });
            return names.stream().filter(n -> !Uris.canonicalPath(n).orElse("").equals(n)).toList();
        });
        assertTrue(notCanonical.isEmpty(), "names that a request could not reach as written: " + notCanonical);
    }

    @Test
    void theVoidDatasetIsDereferenceable() {
        given().redirects().follow(false).get("/id/void").then().statusCode(303)
                .header("Location", endsWith("/.well-known/void"));
    }

    @Test
    void everyDistributionStatesTheSizeAndChecksumOfWhatItsDownloadUrlServes() throws Exception {
        Graph catalog = parse(given().accept("application/n-triples").get("/catalog").asByteArray());
        String query = """
                PREFIX dcat: <http://www.w3.org/ns/dcat#>
                PREFIX spdx: <http://spdx.org/rdf/terms#>
                SELECT ?url ?size ?sum WHERE {
                  <%s> dcat:distribution ?d .
                  ?d dcat:downloadURL ?url ; dcat:byteSize ?size ; spdx:checksum/spdx:checksumValue ?sum .
                }""".formatted(uris.dataset("progress-2018").getURI());
        List<String[]> rows = new java.util.ArrayList<>();
        try (var exec = org.apache.jena.query.QueryExecution.create(query,
                org.apache.jena.query.DatasetFactory.wrap(org.apache.jena.sparql.core.DatasetGraphFactory.wrap(catalog)))) {
            exec.execSelect().forEachRemaining(r -> rows.add(new String[]{r.getResource("url").getURI(),
                    r.getLiteral("size").getLexicalForm(), r.getLiteral("sum").getLexicalForm()}));
        }
        assertEquals(3, rows.size(), "CSV, Excel-friendly CSV and JSON");
        for (String[] row : rows) {
            String path = java.net.URI.create(row[0]).getRawPath() + (java.net.URI.create(row[0]).getRawQuery() == null
                    ? "" : "?" + java.net.URI.create(row[0]).getRawQuery());
            byte[] served = given().header("Accept-Encoding", "identity").urlEncodingEnabled(false).get(path)
                    .then().statusCode(200).extract().asByteArray();
            assertEquals(row[1], String.valueOf(served.length), "the byte size of " + row[0]);
            assertEquals(row[2], java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(served)), "the checksum of " + row[0]);
        }
    }

    private static Graph parse(byte[] ntriples) {
        return parse(ntriples, Lang.NTRIPLES);
    }

    private static Graph parse(byte[] bytes, Lang lang) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(bytes)).lang(lang).parse(graph);
        return graph;
    }
}
