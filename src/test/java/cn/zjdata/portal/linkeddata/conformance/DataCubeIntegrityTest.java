package cn.zjdata.portal.linkeddata.conformance;

import cn.zjdata.portal.linkeddata.ProjectionService;
import cn.zjdata.portal.linkeddata.RdfStore;
import cn.zjdata.portal.linkeddata.Uris;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.ModelFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The W3C Data Cube well-formedness constraints IC-1 … IC-21 (RDF Data Cube Recommendation §11.1, as SPARQL
 * ASK queries in {@code ../shared/standards/qb-integrity-constraints/}; true means violated) run against the
 * union of the store's graphs: the observations are in the dataset graphs, the data structure definition and
 * code lists in the vocabulary graph, the reference data in the catalog graph.
 */
@QuarkusTest
class DataCubeIntegrityTest {

    /** The seed catalog's five observation datasets hold 190 figures; other tests may add synthetic ones. */
    static final int SEED_OBSERVATIONS = 190;

    private static final String QB = "http://purl.org/linked-data/cube#";
    private static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

    @Inject
    RdfStore store;
    @Inject
    ProjectionService projection;
    @Inject
    Uris uris;

    private Graph cube() {
        Conformance.catchUp(projection);
        return Conformance.union(store);
    }

    @TestFactory
    Stream<DynamicTest> everyIntegrityConstraintAnswersFalseOnTheIndicatorCube() {
        Graph cube = cube();
        List<IntegrityConstraint> constraints = IntegrityConstraint.all();
        assertEquals(21, constraints.size(), "IC-1 … IC-21");
        return constraints.stream().map(ic -> DynamicTest.dynamicTest(ic.title() + ic.instantiations(cube), () -> {
            List<String> violated = ic.violations(cube);
            assertTrue(violated.isEmpty(), ic.title() + " is violated:\n" + String.join("\n", violated));
        }));
    }

    @Test
    void theCubeIsNotEmpty() {
        Graph cube = cube();
        int observations = count(cube, "SELECT (COUNT(DISTINCT ?o) AS ?n) { ?o a qb:Observation ; qb:dataSet ?d }");
        assertTrue(observations >= SEED_OBSERVATIONS, "observations with a data set: " + observations);
        int dataSets = count(cube, "SELECT (COUNT(DISTINCT ?d) AS ?n) { ?d a qb:DataSet ; qb:structure ?dsd . ?dsd a qb:DataStructureDefinition }");
        assertTrue(dataSets >= 5, "observation datasets with a structure: " + dataSets);
        assertEquals(5, count(cube, "SELECT (COUNT(DISTINCT ?dim) AS ?n) { <" + uris.zjdeNamespace() + "observationStructure> "
                + "qb:component/qb:componentProperty ?dim . ?dim a qb:DimensionProperty }"), "dimensions of the structure");
        int coded = count(cube, "SELECT (COUNT(*) AS ?n) { ?o a qb:Observation ; ?dim ?v . ?dim qb:codeList ?list . "
                + "?v a skos:Concept ; skos:inScheme ?list }");
        assertTrue(coded >= 2 * SEED_OBSERVATIONS, "IC-19 has coded values to check (indicator and kind of each observation): " + coded);
    }

    /** The harness itself finds violations, so a pass above is not vacuous. */
    @Test
    void theHarnessReportsABrokenCube() {
        Graph broken = Conformance.copy(cube());
        Node type = NodeFactory.createURI(RDF_TYPE);
        List<Node> observations = broken.find(Node.ANY, type, NodeFactory.createURI(QB + "Observation"))
                .mapWith(Triple::getSubject).toList();
        Node withoutDataSet = observations.get(0);
        broken.remove(withoutDataSet, NodeFactory.createURI(QB + "dataSet"), Node.ANY);
        Node withoutYear = observations.get(1);
        broken.remove(withoutYear, uris.zjde("refYear"), Node.ANY);
        // The observation kinds as a hierarchy rooted at "target": baselines and actuals are outside it (IC-20),
        // and likewise through the inverse of skos:broader (IC-21).
        Node kinds = uris.zjde("observationKindScheme");
        broken.add(kinds, type, NodeFactory.createURI(QB + "HierarchicalCodeList"));
        broken.add(kinds, NodeFactory.createURI(QB + "hierarchyRoot"), uris.zjde("kind-target"));
        broken.add(kinds, NodeFactory.createURI(QB + "parentChildProperty"), NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#narrower"));
        Node inverse = NodeFactory.createBlankNode();
        broken.add(kinds, NodeFactory.createURI(QB + "parentChildProperty"), inverse);
        broken.add(inverse, NodeFactory.createURI("http://www.w3.org/2002/07/owl#inverseOf"), NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#broader"));

        List<String> failing = new ArrayList<>();
        for (IntegrityConstraint ic : IntegrityConstraint.all()) {
            if (!ic.id().equals("12") && !ic.violations(broken).isEmpty()) {
                failing.add(ic.id());
            }
        }
        assertTrue(failing.containsAll(List.of("1", "11", "20", "21")), "violated: " + failing);
    }

    private static int count(Graph graph, String select) {
        String query = IntegrityConstraint.PREFIXES + select;
        try (QueryExecution qe = QueryExecution.create().query(query).model(ModelFactory.createModelForGraph(graph)).build()) {
            return qe.execSelect().next().getLiteral("n").getInt();
        }
    }

    /**
     * One integrity constraint: its ASK queries (two for IC-19), or for IC-20 and IC-21 a SELECT listing the
     * hierarchy properties and a template ASK instantiated with each ($p replaced by the property's IRI).
     */
    record IntegrityConstraint(String id, String title, List<String> asks, String instantiate, String template) {

        static final String PREFIXES = """
                PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                PREFIX qb:   <http://purl.org/linked-data/cube#>
                PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>
                PREFIX owl:  <http://www.w3.org/2002/07/owl#>
                """;

        static List<IntegrityConstraint> all() {
            Path dir = Conformance.standards("qb-integrity-constraints");
            return IntStream.rangeClosed(1, 21).mapToObj(n -> load(dir, n)).toList();
        }

        private static IntegrityConstraint load(Path dir, int n) {
            String stem = String.format("ic-%02d", n);
            if (n == 20 || n == 21) {
                String template = read(dir.resolve(stem + "-template.rq"));
                return new IntegrityConstraint(String.valueOf(n), title(template), List.of(),
                        read(dir.resolve(stem + "-instantiate.rq")), template);
            }
            List<String> asks = Files.exists(dir.resolve(stem + ".rq")) ? List.of(read(dir.resolve(stem + ".rq")))
                    : List.of(read(dir.resolve(stem + "a.rq")), read(dir.resolve(stem + "b.rq")));
            return new IntegrityConstraint(String.valueOf(n), title(asks.getFirst()), asks, null, null);
        }

        /** "IC-1. Unique DataSet: …" from the query's first comment line. */
        private static String title(String query) {
            String first = query.lines().findFirst().orElse("").replaceFirst("^#\\s*", "");
            return first.replaceFirst("\\s*\\((TEMPLATE|first query)[^)]*\\)", "");
        }

        private static String read(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** For IC-20/21, how many hierarchy properties the template is instantiated with (none for flat code lists). */
        String instantiations(Graph graph) {
            return template == null ? "" : " — " + properties(ModelFactory.createModelForGraph(graph)).size()
                    + " hierarchy propert(ies) to check";
        }

        private List<String> properties(org.apache.jena.rdf.model.Model model) {
            List<String> properties = new ArrayList<>();
            try (QueryExecution qe = QueryExecution.create().query(instantiate).model(model).build()) {
                ResultSet results = qe.execSelect();
                while (results.hasNext()) {
                    QuerySolution row = results.next();
                    properties.add(row.getResource("p").getURI());
                }
            }
            return properties;
        }

        /** The queries that answered true (empty when the constraint holds). */
        List<String> violations(Graph graph) {
            var model = ModelFactory.createModelForGraph(graph);
            List<String> violated = new ArrayList<>();
            List<String> queries = new ArrayList<>(asks);
            if (template != null) {
                properties(model).forEach(p -> queries.add(template.replace("$p", p)));
            }
            for (String query : queries) {
                try (QueryExecution qe = QueryExecution.create().query(query).model(model).build()) {
                    if (qe.execAsk()) {
                        violated.add(query.lines().filter(l -> !l.startsWith("PREFIX") && !l.startsWith("#") && !l.isBlank())
                                .reduce((a, b) -> a + "\n" + b).orElse(query));
                    }
                }
            }
            return violated;
        }
    }
}
