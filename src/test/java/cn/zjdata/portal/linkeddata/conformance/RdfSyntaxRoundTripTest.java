package cn.zjdata.portal.linkeddata.conformance;

import cn.zjdata.portal.linkeddata.ProjectionService;
import cn.zjdata.portal.linkeddata.RdfStore;
import cn.zjdata.portal.linkeddata.Uris;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A representative document of every kind the portal serves, fetched in each RDF syntax (by Accept and by
 * extension) and parsed with Jena against the request URL: all parse, and all the variants of one document
 * are the same graph (isomorphic, blank nodes included). The HTML variant is an HTML page about the thing.
 */
@QuarkusTest
class RdfSyntaxRoundTripTest {

    /** The RDF syntaxes the portal offers, with the extension that selects each. */
    enum Syntax {
        TURTLE("text/turtle", "ttl", Lang.TURTLE),
        JSONLD("application/ld+json", "jsonld", Lang.JSONLD),
        RDFXML("application/rdf+xml", "rdf", Lang.RDFXML),
        NTRIPLES("application/n-triples", "nt", Lang.NTRIPLES);

        final String mediaType;
        final String extension;
        final Lang lang;

        Syntax(String mediaType, String extension, Lang lang) {
            this.mediaType = mediaType;
            this.extension = extension;
            this.lang = lang;
        }
    }

    /** A document: the path it is served at, and the thing it is about. */
    record Document(String kind, String path, String thing) {
    }

    @Inject
    RdfStore store;
    @Inject
    ProjectionService projection;
    @Inject
    Uris uris;

    @TestFactory
    Stream<DynamicContainer> everyDocumentParsesInEverySyntaxToTheSameGraph() {
        return documents().stream().map(doc -> DynamicContainer.dynamicContainer(doc.kind() + " " + doc.path(), Stream.of(
                DynamicTest.dynamicTest("RDF syntaxes are isomorphic", () -> roundTrip(doc)),
                DynamicTest.dynamicTest("HTML names the thing", () -> html(doc)))));
    }

    private void roundTrip(Document doc) {
        Map<String, Graph> graphs = new LinkedHashMap<>();
        for (Syntax syntax : Syntax.values()) {
            graphs.put(syntax.mediaType + " by Accept", fetch(doc.path(), syntax.mediaType, syntax));
            graphs.put("." + syntax.extension, fetch(doc.path() + "." + syntax.extension, null, syntax));
        }
        Graph reference = graphs.get(Syntax.TURTLE.mediaType + " by Accept");
        assertFalse(reference.isEmpty(), doc.path() + " is empty");
        assertTrue(reference.contains(NodeFactory.createURI(doc.thing()), Node.ANY, Node.ANY),
                doc.path() + " says something about " + doc.thing());
        graphs.forEach((variant, graph) -> {
            assertEquals(reference.size(), graph.size(), doc.path() + " as " + variant + ": number of triples");
            assertTrue(reference.isIsomorphicWith(graph), doc.path() + " as " + variant + " is not isomorphic to its Turtle");
        });
    }

    private Graph fetch(String path, String accept, Syntax syntax) {
        var request = given().urlEncodingEnabled(false);
        if (accept != null) {
            request.accept(accept);
        }
        Response response = request.get(path);
        assertEquals(200, response.statusCode(), path + " (" + syntax + ")");
        assertTrue(response.contentType().startsWith(syntax.mediaType), path + ": Content-Type " + response.contentType());
        String url = RestAssured.baseURI + ":" + RestAssured.port + path;
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(new String(response.asByteArray(), StandardCharsets.UTF_8), syntax.lang).base(url).parse(graph);
        return graph;
    }

    private void html(Document doc) {
        for (Response response : List.of(given().urlEncodingEnabled(false).accept("text/html").get(doc.path()),
                given().urlEncodingEnabled(false).get(doc.path() + ".html"))) {
            assertEquals(200, response.statusCode(), doc.path());
            assertTrue(response.contentType().startsWith("text/html"), doc.path() + ": " + response.contentType());
            String body = response.asString();
            assertTrue(body.contains(doc.thing()), doc.path() + " (HTML) names " + doc.thing());
            assertTrue(body.contains("<html") || body.contains("<!DOCTYPE html") || body.contains("<!doctype html"), "an HTML page");
        }
    }

    /** The documents, found in the store rather than by their hashed or numbered URIs. */
    private List<Document> documents() {
        Conformance.catchUp(projection);
        List<Document> documents = new ArrayList<>();
        documents.add(new Document("catalog", "/catalog", uris.catalog().getURI()));
        String dataset = first("?x ^dcat:dataset ?catalog ; dcat:hasCurrentVersion ?r ; a qb:DataSet");
        documents.add(thing("dataset", dataset));
        String release = first("<" + dataset + "> dcat:hasCurrentVersion ?x");
        documents.add(thing("release", release));
        documents.add(thing("distribution", first("<" + release + "> dcat:distribution ?x . ?x spdx:checksum ?c")));
        documents.add(thing("indicator", first("?o a qb:Observation ; zjde:indicator ?x")));
        documents.add(thing("observation", first("?x a qb:Observation ; dqv:hasQualityAnnotation ?q")));
        documents.add(thing("organisation", first("?x a org:Organization ; org:classification ?k ; dqv:hasQualityAnnotation ?q")));
        documents.add(thing("document", first("?x a zjde:SourceDocument ; dct:publisher ?issuer")));
        documents.add(thing("plan", first("?x a zjde:Plan ; zjde:planDocument ?d")));
        documents.add(thing("task target", first("?x a zjde:TaskTarget ; zjde:valueMax ?max")));
        documents.add(thing("city role", first("?x a zjde:CityRole")));
        documents.add(thing("unit", first("?x a zjde:Unit ; skos:altLabel ?alias")));
        documents.add(new Document("vocabulary", "/def/zjde", uris.vocabularyDocument()));
        documents.add(new Document("shapes", "/def/zjde-shapes", uris.base() + "def/zjde-shapes"));
        documents.add(new Document("VoID", "/.well-known/void", uris.voidDataset().getURI()));
        return documents;
    }

    private Document thing(String kind, String iri) {
        return new Document(kind, "/" + uris.documentOf(iri).orElseThrow().substring(uris.base().length()), iri);
    }

    private String first(String pattern) {
        String query = """
                PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                PREFIX dct:  <http://purl.org/dc/terms/>
                PREFIX dcat: <http://www.w3.org/ns/dcat#>
                PREFIX qb:   <http://purl.org/linked-data/cube#>
                PREFIX org:  <http://www.w3.org/ns/org#>
                PREFIX dqv:  <http://www.w3.org/ns/dqv#>
                PREFIX spdx: <http://spdx.org/rdf/terms#>
                PREFIX zjde: <%s>
                SELECT ?x { %s FILTER(isIRI(?x) && STRSTARTS(STR(?x), "%s")) } ORDER BY STR(?x) LIMIT 1
                """.formatted(uris.zjdeNamespace(), pattern, uris.idBase());
        return store.read(dataset -> {
            try (QueryExecution qe = QueryExecution.create().query(query)
                    .model(ModelFactory.createModelForGraph(dataset.getUnionGraph())).build()) {
                ResultSet results = qe.execSelect();
                assertTrue(results.hasNext(), "nothing in the store matches " + pattern);
                QuerySolution row = results.next();
                return row.getResource("x").getURI();
            }
        });
    }
}
