package cn.zjdata.portal.linkeddata.conformance;

import cn.zjdata.portal.catalog.DatasetMetadata;
import cn.zjdata.portal.linkeddata.ProjectionService;
import cn.zjdata.portal.linkeddata.RdfStore;
import cn.zjdata.portal.linkeddata.Uris;
import cn.zjdata.portal.linkeddata.Vocab;
import cn.zjdata.portal.linkeddata.Vocabulary;
import cn.zjdata.portal.support.SyntheticDatasets;
import cn.zjdata.portal.tabular.Datatype;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.shared.PrefixMapping;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal's own shapes ({@code ontology/shapes.ttl}, served at {base}def/zjde-shapes and parsed against
 * the base URI) validate the whole projection: the union of the catalog graph, every dataset graph and the
 * vocabulary graph. Broken copies of the projection show that the shapes catch what they are meant to.
 */
@QuarkusTest
class PortalShapesTest {

    private static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    private static final String QB = "http://purl.org/linked-data/cube#";

    @Inject
    RdfStore store;
    @Inject
    ProjectionService projection;
    @Inject
    Vocabulary vocabulary;
    @Inject
    Uris uris;
    @Inject
    SyntheticDatasets synthetic;

    private Graph projection() {
        Conformance.catchUp(projection);
        return Conformance.union(store);
    }

    private Shapes shapes() {
        return Shapes.parse(vocabulary.shapes());
    }

    private PrefixMapping prefixes() {
        return PrefixMapping.Factory.create().setNsPrefixes(Vocab.prefixes(uris.zjdeNamespace()))
                .setNsPrefix("id", uris.idBase()).setNsPrefix("zjdesh", uris.base() + "def/zjde-shapes#");
    }

    private List<ReportEntry> violations(Graph data) {
        return Conformance.entries(ShaclValidator.get().validate(shapes(), data), Severity.Violation);
    }

    @Test
    void theShapesAreRelativeToTheBaseUriAndParse() throws Exception {
        Path file = Path.of("ontology", "shapes.ttl");
        assertTrue(Files.readAllLines(file).stream().map(String::strip)
                .noneMatch(line -> line.startsWith("@base") || line.toUpperCase().startsWith("BASE ")), "no @base");
        Graph graph = vocabulary.shapes();
        Node document = NodeFactory.createURI(uris.base() + "def/zjde-shapes");
        assertTrue(graph.contains(document, NodeFactory.createURI(RDF_TYPE), NodeFactory.createURI("http://www.w3.org/2002/07/owl#Ontology")));
        List<String> foreign = new ArrayList<>();
        graph.find().forEachRemaining(t -> {
            for (Node n : List.of(t.getSubject(), t.getPredicate(), t.getObject())) {
                if (n.isURI() && n.getURI().startsWith(uris.base()) && !n.getURI().startsWith(uris.base() + "def/zjde")) {
                    foreign.add(n.getURI());
                }
            }
        });
        assertTrue(foreign.isEmpty(), "only the zjde and zjdesh namespaces are relative: " + foreign);
        Shapes shapes = Shapes.parse(graph);
        assertTrue(shapes.numRootShapes() >= 30, "shapes with targets: " + shapes.numRootShapes());
        for (Shape shape : shapes.getTargetShapes()) {
            assertTrue(shape.getShapeNode().getURI().startsWith(uris.base() + "def/zjde-shapes#"), shape.getShapeNode().toString());
        }
    }

    @Test
    void theWholeProjectionConformsToThePortalShapes() {
        Graph data = projection();
        ValidationReport report = ShaclValidator.get().validate(shapes(), data);
        List<ReportEntry> violations = Conformance.entries(report, Severity.Violation);
        List<ReportEntry> warnings = Conformance.entries(report, Severity.Warning);
        Conformance.write(Conformance.reportFile("portal-shapes.md"), "# Portal shapes on the whole projection\n\n"
                + data.size() + " triples; " + violations.size() + " violation(s), " + warnings.size() + " warning(s)\n\n"
                + Conformance.describeAll(report.getEntries(), data, prefixes()) + "\n");
        assertTrue(violations.isEmpty(), violations.size() + " violation(s) of the portal's shapes:\n"
                + Conformance.describeAll(violations, data, prefixes()));
    }

    /**
     * What a publisher adds conforms as the seed does: an indicator registry and an observation cube of synthetic
     * (test-only) figures, the cube published twice, so the version chain has a release 2 pointing to release 1.
     */
    @Test
    void aNewlyPublishedCubeWithTwoReleasesConforms() {
        String code = SyntheticDatasets.newSlug("synthetic-indicator");
        synthetic.publish(profiled(SyntheticDatasets.newSlug("registry"), "indicators", List.of("code", "name_zh", "name_en",
                "aliases", "category", "unit", "direction", "definition_zh", "definition_en")),
                "code,name_zh,name_en,aliases,category,unit,direction,definition_zh,definition_en\n"
                        + code + ",合成指标,Synthetic indicator,,overall-scale,percent,increase,测试用,for tests\n");
        List<String> columns = List.of("indicator", "indicator_name", "period", "kind", "comparator", "value", "unit",
                "value_as_printed", "printed_unit", "plan", "source", "section", "quote");
        DatasetMetadata cube = profiled(SyntheticDatasets.newSlug("observations"), "observations", columns);
        String header = String.join(",", columns) + "\n";
        synthetic.publish(cube, header + code + ",合成指标,2020,actual,=,40,percent,40%,%,,zzbf-2018-91,测试,合成数据\n");
        synthetic.publish(cube, header + code + ",合成指标,2020,actual,=,40,percent,40%,%,,zzbf-2018-91,测试,合成数据\n"
                + code + ",合成指标,2022,target,≥,50,percent,50%以上,%,doubling-plan,zzbf-2018-91,测试,合成数据\n");
        Graph data = projection();

        Node dataset = uris.dataset(cube.identifier());
        Node second = uris.release(cube.identifier(), 2);
        assertTrue(data.contains(second, Vocab.dcat("previousVersion"), uris.release(cube.identifier(), 1)), "release 2 follows release 1");
        assertTrue(data.contains(dataset, Vocab.dcat("hasCurrentVersion"), second));
        assertEquals(2, data.find(Node.ANY, NodeFactory.createURI(QB + "dataSet"), dataset).toList().size(), "two observations");
        List<ReportEntry> violations = violations(data);
        assertTrue(violations.isEmpty(), describe(violations, data));
    }

    private static DatasetMetadata profiled(String slug, String profile, List<String> columns) {
        DatasetMetadata m = SyntheticDatasets.metadata(slug, columns.stream()
                .map(c -> SyntheticDatasets.column(c, c.equals("period") ? Datatype.INTEGER
                        : c.equals("value") ? Datatype.DECIMAL : Datatype.STRING, false))
                .toList());
        return new DatasetMetadata(m.identifier(), m.title(), m.description(), m.publisher(), m.themes(), m.keywords(),
                m.temporalStart(), m.temporalEnd(), m.spatial(), m.license(), m.accrualPeriodicity(),
                List.of("zzbf-2018-91"), profile, m.schema());
    }

    /** A shape whose target matches nothing checks nothing (a misspelt class, say): each must have work. */
    @Test
    void everyTargetedShapeHasSomethingToCheck() {
        Graph data = projection();
        List<String> idle = new ArrayList<>();
        for (Shape shape : shapes().getTargetShapes()) {
            if (VLib.focusNodes(data, shape).isEmpty()) {
                idle.add(prefixes().shortForm(shape.getShapeNode().getURI()));
            }
        }
        assertTrue(idle.isEmpty(), "shapes without a focus node in the projection: " + idle);
    }

    @Test
    void anObservationMissingADimensionIsReported() {
        Graph data = Conformance.copy(projection());
        Node observation = first(data, NodeFactory.createURI(QB + "Observation"));
        data.remove(observation, uris.zjde("refYear"), Node.ANY);
        assertReported(violations(data), observation, uris.zjde("refYear"));
    }

    @Test
    void anObservationWithAStrayPropertyOrADoubledDimensionIsReported() {
        Graph data = Conformance.copy(projection());
        Node observation = first(data, NodeFactory.createURI(QB + "Observation"));
        data.add(observation, uris.zjde("unitSymbol"), NodeFactory.createLiteralString("%"));
        data.add(observation, uris.zjde("observationKind"), uris.zjde("kind-baseline"));
        data.add(observation, uris.zjde("observationKind"), uris.zjde("kind-actual"));
        List<ReportEntry> violations = violations(data);
        assertReported(violations, observation, uris.zjde("unitSymbol"));
        assertReported(violations, observation, uris.zjde("observationKind"));
    }

    @Test
    void aDatasetWithoutAChineseTitleIsReported() {
        Graph data = Conformance.copy(projection());
        Node dataset = data.find(uris.catalog(), Vocab.dcat("dataset"), Node.ANY).next().getObject();
        data.find(dataset, Vocab.dct("title"), Node.ANY).toList().stream()
                .filter(t -> "zh".equals(t.getObject().getLiteralLanguage())).forEach(data::delete);
        assertReported(violations(data), dataset, Vocab.dct("title"));
    }

    @Test
    void aBrokenVersionChainIsReported() {
        Graph data = Conformance.copy(projection());
        Node dataset = data.find(uris.catalog(), Vocab.dcat("dataset"), Node.ANY).next().getObject();
        Node release = data.find(dataset, Vocab.dcat("hasCurrentVersion"), Node.ANY).next().getObject();
        Node stranger = data.find(Node.ANY, Vocab.dct("isVersionOf"), Node.ANY).toList().stream()
                .filter(t -> !t.getObject().equals(dataset)).findFirst().orElseThrow().getSubject();
        // The release claims another dataset's release as its predecessor; the dataset forgets one of its releases.
        data.add(release, Vocab.dcat("previousVersion"), stranger);
        data.delete(Triple.create(dataset, Vocab.dcat("hasVersion"), release));
        List<ReportEntry> violations = violations(data);
        assertTrue(violations.stream().anyMatch(e -> e.focusNode().equals(release)
                && e.sourceConstraintComponent().getLocalName().equals("SPARQLConstraintComponent")), describe(violations, data));
        assertReported(violations, dataset, null);
    }

    @Test
    void aStoredCsvWithoutItsChecksumIsReported() {
        Graph data = Conformance.copy(projection());
        Triple checksum = data.find(Node.ANY, Vocab.spdx("checksum"), Node.ANY).next();
        data.delete(checksum);
        List<ReportEntry> violations = violations(data);
        assertTrue(violations.stream().anyMatch(e -> e.focusNode().equals(checksum.getSubject())), describe(violations, data));
    }

    private static Node first(Graph data, Node type) {
        return data.find(Node.ANY, NodeFactory.createURI(RDF_TYPE), type).mapWith(Triple::getSubject).toList().stream()
                .min((a, b) -> a.getURI().compareTo(b.getURI())).orElseThrow();
    }

    /** A violation on this focus node (and path, when given) is among the results. */
    private void assertReported(List<ReportEntry> violations, Node focus, Node path) {
        assertFalse(violations.isEmpty(), "the broken copy conforms");
        assertTrue(violations.stream().anyMatch(e -> e.focusNode().equals(focus)
                        && (path == null || (e.resultPath() != null && e.resultPath().toString().equals("<" + path.getURI() + ">")))),
                "expected a violation on " + focus + (path == null ? "" : " at " + path) + ", got:\n" + describe(violations, null));
    }

    private String describe(List<ReportEntry> violations, Graph data) {
        return Conformance.describeAll(violations, data == null ? org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph() : data, prefixes());
    }
}
