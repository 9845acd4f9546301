package cn.zjdata.portal.sparql;

import cn.zjdata.portal.linkeddata.RdfStore;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The W3C SPARQL 1.1 Protocol tests, read from their manifest and sent to the running endpoint. Every
 * test that applies to a read-only query endpoint runs: the query successes, and every request that must
 * be refused (the bad update requests too: a read-only endpoint refuses them all). The update successes
 * need SPARQL Update and are reported as skipped, with the reason.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparqlProtocolConformanceTest {

    private static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    private static final String HT = "http://www.w3.org/2011/http#";
    private static final String CNT = "http://www.w3.org/2011/content#";
    private static final String UT = "http://www.w3.org/2009/sparql/tests/test-update#";
    private static final String HTS = "http://www.w3.org/2011/http-statusCodes#StatusCode";

    private static final Set<String> BOOLEAN_TYPES = Set.of("application/sparql-results+json", "application/sparql-results+xml");
    private static final Set<String> TABULAR_TYPES = Set.of("application/sparql-results+json",
            "application/sparql-results+xml", "text/csv", "text/tab-separated-values");
    private static final Set<String> RDF_TYPES = Set.of("application/rdf+xml", "text/turtle", "application/n-triples",
            "application/ld+json");

    @Inject
    RdfStore store;

    @TestHTTPResource("/")
    URI portal;

    private final Path folder = Path.of(System.getProperty("test.shared.dir", "../shared"), "standards", "sparql11-protocol")
            .toAbsolutePath().normalize();
    private final Model manifest = ModelFactory.createDefaultModel();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    /** Graph name → data file, from the ut:graphData of every test. */
    private final Map<String, Path> graphData = new LinkedHashMap<>();

    @BeforeAll
    void loadTheTestData() {
        RDFParser.source(folder.resolve("manifest.ttl")).lang(Lang.TURTLE).parse(manifest);
        manifest.listStatements(null, p(UT, "graphData"), (RDFNode) null).forEachRemaining(s -> {
            Resource data = s.getResource();
            graphData.put(data.getProperty(RDFS.label).getString(),
                    Path.of(URI.create(data.getPropertyResourceValue(p(UT, "graph")).getURI())));
        });
        assertEquals(Set.of("data1.nt", "data2.nt", "data3.nt"),
                graphData.values().stream().map(f -> f.getFileName().toString()).collect(Collectors.toSet()));
        store.write(dsg -> graphData.forEach((name, file) -> {
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.source(file).lang(Lang.NTRIPLES).parse(g);
            g.find().forEachRemaining(t -> dsg.add(NodeFactory.createURI(name), t.getSubject(), t.getPredicate(), t.getObject()));
        }));
    }

    @AfterAll
    void removeTheTestData() {
        SparqlTestSupport.remove(store, graphData.keySet().toArray(String[]::new));
    }

    @TestFactory
    Stream<DynamicTest> theW3cProtocolTests() {
        Resource root = manifest.listSubjectsWithProperty(p(MF, "entries")).next();
        List<RDFNode> entries = root.getPropertyResourceValue(p(MF, "entries")).as(RDFList.class).asJavaList();
        assertEquals(34, entries.size(), "the manifest lists 34 tests");
        return entries.stream().map(RDFNode::asResource).map(test -> {
            String id = test.getLocalName();
            String name = test.getProperty(p(MF, "name")).getString();
            return DynamicTest.dynamicTest(name + " [" + id + "]", () -> {
                Assumptions.assumeFalse(id.startsWith("update_"),
                        "needs SPARQL Update, which this read-only endpoint refuses by design");
                assertTrue(id.startsWith("query_") || id.startsWith("bad_"), "a test this harness knows: " + id);
                Resource action = test.getPropertyResourceValue(p(MF, "action"));
                for (RDFNode request : action.getPropertyResourceValue(p(HT, "requests")).as(RDFList.class).asJavaList()) {
                    check(id, request.asResource());
                }
            });
        });
    }

    private void check(String id, Resource request) throws Exception {
        HttpResponse<byte[]> response = send(request);
        Resource expected = request.getPropertyResourceValue(p(HT, "resp"));
        Set<String> classes = expected.listProperties(p(MF, "expectedStatus")).toList().stream()
                .map(s -> s.getResource().getURI().substring(HTS.length())).collect(Collectors.toSet());
        String status = (response.statusCode() / 100) + "xx";
        String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(classes.contains(status), id + ": status " + response.statusCode() + " is not one of " + classes + "\n" + body);

        String contentType = response.headers().firstValue("Content-Type").orElse("")
                .split(";")[0].strip().toLowerCase(Locale.ROOT);
        Statement format = expected.getProperty(p(MF, "expectedFormat"));
        if (format != null) {
            Set<String> allowed = switch (format.getString()) {
                case "boolean" -> BOOLEAN_TYPES;
                case "tabular" -> TABULAR_TYPES;
                case "RDF" -> RDF_TYPES;
                default -> throw new AssertionError("unknown expected format " + format.getString());
            };
            assertTrue(allowed.contains(contentType), id + ": " + contentType + " is not " + format.getString());
        }
        Statement answer = expected.getProperty(p(MF, "expectedBoolean"));
        if (answer != null) {
            Lang lang = contentType.endsWith("xml") ? ResultSetLang.RS_XML : ResultSetLang.RS_JSON;
            boolean actual = ResultSetMgr.readBoolean(new ByteArrayInputStream(response.body()), lang);
            assertEquals(answer.getBoolean(), actual, id + ": the ASK answer\n" + body);
        }
    }

    /** Sends a manifest request as written: method, path (with /sparql/ made the portal's /sparql), headers, body. */
    private HttpResponse<byte[]> send(Resource request) throws Exception {
        String path = request.getProperty(p(HT, "absolutePath")).getString();
        assertTrue(path.startsWith("/sparql/"), path);
        URI uri = portal.resolve("/sparql" + path.substring("/sparql/".length()));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        Resource headers = request.getPropertyResourceValue(p(HT, "headers"));
        if (headers != null) {
            for (RDFNode header : headers.as(RDFList.class).asJavaList()) {
                builder.header(header.asResource().getProperty(p(HT, "fieldName")).getString(),
                        header.asResource().getProperty(p(HT, "fieldValue")).getString());
            }
        }
        Resource body = request.getPropertyResourceValue(p(HT, "body"));
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (body != null) {
            Literal chars = body.getProperty(p(CNT, "chars")).getLiteral();
            Charset charset = Charset.forName(body.getProperty(p(CNT, "characterEncoding")).getString());
            publisher = HttpRequest.BodyPublishers.ofByteArray(chars.getLexicalForm().getBytes(charset));
        }
        builder.method(request.getProperty(p(HT, "methodName")).getString(), publisher);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private Property p(String namespace, String local) {
        return manifest.createProperty(namespace + local);
    }
}
