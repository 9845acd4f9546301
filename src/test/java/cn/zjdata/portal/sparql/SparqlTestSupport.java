package cn.zjdata.portal.sparql;

import cn.zjdata.portal.linkeddata.RdfStore;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;

/** What the SPARQL endpoint's tests share: small limits, test queries, test graphs, a client, parsers. */
final class SparqlTestSupport {

    /**
     * Small limits, so that cutting an answer needs little data and a GET over the length limit still fits
     * in a URL the HTTP server accepts (4 KiB by default). It has its own data directory: Quarkus restarts
     * for a profile in the same JVM, and the store of the previous start is still locked in the default one.
     */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.sparql.max-query-length", "2K", "portal.sparql.max-rows", "500",
                    "portal.sparql.max-triples", "400", "portal.data-dir", "./target/test-data/sparql-limits");
        }
    }

    static final String SELECT = "SELECT ?x WHERE { VALUES ?x { 1 2 3 } } ORDER BY ?x";
    static final String ASK = "ASK { FILTER(1 < 2) }";
    static final String CONSTRUCT = "CONSTRUCT { ?s <urn:x-test:p> ?x } WHERE { VALUES ?x { 1 2 3 } "
            + "BIND(IRI(CONCAT('urn:x-test:s', STR(?x))) AS ?s) }";
    /** 1 to 30: two of these make 900 solutions from nothing but VALUES. */
    static final String VALUES_30 = IntStream.rangeClosed(1, 30).mapToObj(String::valueOf).collect(Collectors.joining(" "));

    /** A test-only graph of synthetic triples, enough to make a four-way cross product run forever. */
    static final String SYNTHETIC = "urn:x-test:sparql:synthetic";
    static final String SUBJECT = "urn:x-test:sparql:s";
    static final String PREDICATE = "urn:x-test:sparql:p";
    static final int SYNTHETIC_SIZE = 3000;

    private SparqlTestSupport() {
    }

    // --- the store ------------------------------------------------------------------------------------

    static void loadSynthetic(RdfStore store) {
        Node graph = NodeFactory.createURI(SYNTHETIC);
        Node predicate = NodeFactory.createURI(PREDICATE);
        List<Quad> quads = new ArrayList<>(SYNTHETIC_SIZE);
        for (int i = 0; i < SYNTHETIC_SIZE; i++) {
            quads.add(Quad.create(graph, NodeFactory.createURI(SUBJECT + i), predicate, NodeFactory.createLiteralString("v" + i)));
        }
        store.write(dsg -> quads.forEach(dsg::add));
    }

    static void add(RdfStore store, String graph, String subject, String predicate, String object) {
        store.write(dsg -> dsg.add(Quad.create(NodeFactory.createURI(graph), NodeFactory.createURI(subject),
                NodeFactory.createURI(predicate), NodeFactory.createURI(object))));
    }

    static void remove(RdfStore store, String... graphs) {
        store.write(dsg -> {
            for (String graph : graphs) {
                dsg.deleteAny(NodeFactory.createURI(graph), Node.ANY, Node.ANY, Node.ANY);
            }
        });
    }

    static boolean exists(RdfStore store, String graph) {
        return store.read(dsg -> !dsg.getGraph(NodeFactory.createURI(graph)).isEmpty());
    }

    // --- HTTP -----------------------------------------------------------------------------------------

    /** A client that sends content types exactly as given (no charset added). */
    static RequestSpecification client() {
        return given().config(RestAssured.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    /** A POST of the query as application/sparql-query. */
    static RequestSpecification direct(String query) {
        return client().contentType("application/sparql-query").body(query.getBytes(StandardCharsets.UTF_8));
    }

    /** A POST of a form body (already encoded). */
    static RequestSpecification form(String body) {
        return client().contentType("application/x-www-form-urlencoded").body(body);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    // --- answers --------------------------------------------------------------------------------------

    /** The number of rows of a SELECT answer in a results format. */
    static int rows(Response r, SparqlFormat f) {
        Lang lang = switch (f) {
            case JSON -> ResultSetLang.RS_JSON;
            case XML -> ResultSetLang.RS_XML;
            case CSV -> ResultSetLang.RS_CSV;
            case TSV -> ResultSetLang.RS_TSV;
            default -> throw new IllegalArgumentException(f.toString());
        };
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.asByteArray()), lang);
        int n = 0;
        for (; rs.hasNext(); rs.next()) {
            n++;
        }
        return n;
    }

    static Graph parse(Response r, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(r.asByteArray())).lang(lang).base("http://example.org/").parse(g);
        return g;
    }
}
