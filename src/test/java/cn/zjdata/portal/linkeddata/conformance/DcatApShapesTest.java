package cn.zjdata.portal.linkeddata.conformance;

import cn.zjdata.portal.linkeddata.ProjectionService;
import cn.zjdata.portal.linkeddata.RdfStore;
import cn.zjdata.portal.linkeddata.Uris;
import cn.zjdata.portal.linkeddata.Vocab;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shared.PrefixMapping;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog graph ({base}graph/catalog: the DCAT catalog, its datasets, releases, distributions, data
 * services, and the reference data it refers to) against the DCAT-AP 3.0.1 SHACL shapes in
 * {@code ../shared/standards/dcat-ap-3.0.1/html-shacl/}: no violation of the mandatory shapes, and the
 * recommended shapes' warnings listed in {@code target/conformance/dcat-ap-warnings.md} and kept few.
 */
@QuarkusTest
class DcatApShapesTest {

    /**
     * The recommended-shape warnings the seed catalog still raises, none of which the portal can remove
     * without inventing data (see the report for each):
     * <ul>
     * <li>4 × foaf:Agent without dct:type: the issuers of three source documents (a government office, a
     *     newspaper), which the catalog names but does not classify, and the seed-import software agent,
     *     for which the ADMS publisher types have no term;</li>
     * <li>1 × dct:LicenseDocument without dct:type: catalog.json gives the licence's IRI and name only;</li>
     * <li>2 × dct:Location without dcat:bbox / dcat:centroid: the catalog has no geometry for Zhejiang;</li>
     * <li>2 × dcat:DataService without dcat:theme and 2 × without dcat:keyword (the SPARQL endpoint and the
     *     REST API), 1 × the REST API without dct:conformsTo (it follows no published standard).</li>
     * </ul>
     * Warnings about datasets that are not from the seed catalog (synthetic datasets other tests publish
     * into the same store) are listed in the report but not counted.
     */
    static final int MAX_SEED_WARNINGS = 12;

    @Inject
    RdfStore store;
    @Inject
    ProjectionService projection;
    @Inject
    Uris uris;

    private Graph catalog() {
        Conformance.catchUp(projection);
        return Conformance.graph(store, uris.catalogGraph());
    }

    private PrefixMapping prefixes() {
        return PrefixMapping.Factory.create().setNsPrefixes(Vocab.prefixes(uris.zjdeNamespace()))
                .setNsPrefix("id", uris.idBase()).setNsPrefix("sh", "http://www.w3.org/ns/shacl#")
                .setNsPrefix("dcatap", "http://data.europa.eu/r5r/");
    }

    private static Shapes shapes(String file) {
        return Shapes.parse(Conformance.parseTurtle(Conformance.standards("dcat-ap-3.0.1", "html-shacl", file), null));
    }

    @Test
    void theCatalogViolatesNoMandatoryDcatApShape() {
        Graph catalog = catalog();
        assertTrue(catalog.size() > 1000, "the catalog graph is projected: " + catalog.size() + " triples");
        ValidationReport report = ShaclValidator.get().validate(shapes("shapes.ttl"), catalog);
        List<ReportEntry> violations = Conformance.entries(report, Severity.Violation);
        assertTrue(violations.isEmpty(), violations.size() + " DCAT-AP violation(s):\n"
                + Conformance.describeAll(violations, catalog, prefixes()));
    }

    @Test
    void theRecommendedShapesLeaveOnlyTheDocumentedWarnings() {
        Graph catalog = catalog();
        ValidationReport report = ShaclValidator.get().validate(shapes("shapes_recommended.ttl"), catalog);
        List<ReportEntry> warnings = Conformance.entries(report, Severity.Warning);
        Set<String> seed = Conformance.seedDatasets();
        Predicate<ReportEntry> ofSeed = e -> {
            String owner = Conformance.owningDataset(e.focusNode(), catalog, uris.idBase());
            return owner == null || seed.contains(owner);
        };
        List<ReportEntry> counted = warnings.stream().filter(ofSeed).toList();
        List<ReportEntry> others = warnings.stream().filter(ofSeed.negate()).toList();
        String markdown = warningsReport(catalog, counted, others, report.getEntries().size() - warnings.size());
        Conformance.write(Conformance.reportFile("dcat-ap-warnings.md"), markdown);

        assertTrue(Conformance.entries(report, Severity.Violation).isEmpty(), "the recommended shapes only warn");
        assertTrue(counted.size() <= MAX_SEED_WARNINGS, counted.size() + " DCAT-AP warnings on the seed catalog, at most "
                + MAX_SEED_WARNINGS + " expected:\n" + Conformance.describeAll(counted, catalog, prefixes()));
    }

    /**
     * The optional DCAT-AP files: range.ttl (the classes of property values) and mdr-vocabularies.shape.ttl
     * (values from the EU controlled vocabularies), on the catalog graph together with the vocabulary graph
     * (which defines the table profiles the datasets conform to as dct:Standard). Their results go to
     * {@code dcat-ap-extras.md}. The range violations that remain are the documented ones only:
     * dct:source on a dataset names its source documents (DCAT-AP wants a dcat:Dataset there), and the
     * values taken from external code lists (the ADMS publisher type, the EU planned availability) are not
     * typed skos:Concept, as those code lists are not loaded. For the same reason every controlled value
     * fails the MDR shapes' skos:inScheme checks.
     */
    @Test
    void theRangeShapesFindOnlyTheDocumentedDeviations() {
        Graph catalog = catalog();
        store.read(dataset -> {
            dataset.getGraph(uris.vocabularyGraph()).find().forEachRemaining(catalog::add);
            return null;
        });
        ValidationReport range = ShaclValidator.get().validate(shapes("range.ttl"), catalog);
        ValidationReport mdr = ShaclValidator.get().validate(shapes("mdr-vocabularies.shape.ttl"), catalog);
        StringBuilder md = new StringBuilder("# DCAT-AP 3.0.1 optional shapes on the catalog graph\n\n");
        section(md, "range.ttl", range, catalog);
        section(md, "mdr-vocabularies.shape.ttl (EU code lists not loaded: every controlled value fails its skos:inScheme check)",
                mdr, catalog);
        Conformance.write(Conformance.reportFile("dcat-ap-extras.md"), md.toString());

        List<ReportEntry> unexpected = new ArrayList<>();
        for (ReportEntry e : range.getEntries()) {
            String path = e.resultPath() == null ? "" : e.resultPath().toString();
            boolean sourceDocument = path.equals("<" + Vocab.DCT + "source>") && e.value() != null && e.value().isURI()
                    && e.value().getURI().startsWith(uris.idBase() + "document/");
            boolean externalCode = e.value() != null && e.value().isURI()
                    && (path.equals("<" + Vocab.DCT + "type>") && e.value().getURI().startsWith(Vocab.ADMS_PUBLISHER_TYPE)
                    || path.equals("<" + Vocab.DCATAP + "availability>") && e.value().getURI().startsWith(Vocab.EU_PLANNED_AVAILABILITY));
            if (!sourceDocument && !externalCode) {
                unexpected.add(e);
            }
        }
        assertTrue(unexpected.isEmpty(), "range.ttl: " + unexpected.size() + " undocumented result(s):\n"
                + Conformance.describeAll(unexpected, catalog, prefixes()));
        assertEquals(List.of(), Conformance.entries(mdr, Severity.Violation).stream()
                .filter(e -> !e.sourceConstraintComponent().getLocalName().equals("NodeConstraintComponent")).toList(),
                "the MDR shapes fail only on the code-list membership of controlled values");
    }

    private String warningsReport(Graph catalog, List<ReportEntry> counted, List<ReportEntry> others, int nonWarnings) {
        PrefixMapping prefixes = prefixes();
        StringBuilder md = new StringBuilder();
        md.append("# DCAT-AP 3.0.1 recommended shapes: warnings on the catalog graph\n\n")
                .append("Shapes: `shapes_recommended.ttl` (sh:Warning). Data: the graph `").append(uris.catalogGraph().getURI())
                .append("`.\n\n")
                .append("- warnings on the seed catalog: **").append(counted.size()).append("** (the test allows at most ")
                .append(MAX_SEED_WARNINGS).append(")\n")
                .append("- warnings on datasets other tests published (not counted): ").append(others.size()).append('\n')
                .append("- other results: ").append(nonWarnings).append("\n\n");
        md.append("## By shape and path\n\n| count | class of focus | path | message |\n|---:|---|---|---|\n");
        Map<String, Integer> groups = new TreeMap<>();
        for (ReportEntry e : counted) {
            String key = "| " + types(e.focusNode(), catalog, prefixes) + " | "
                    + (e.resultPath() == null ? "-" : "`" + e.resultPath().toString(new org.apache.jena.sparql.core.Prologue(prefixes)) + "`")
                    + " | " + e.message().replace("|", "\\|") + " |";
            groups.merge(key, 1, Integer::sum);
        }
        groups.forEach((key, count) -> md.append("| ").append(count).append(' ').append(key).append('\n'));
        md.append("\n## Every warning on the seed catalog\n\n");
        counted.forEach(e -> md.append("- ").append(Conformance.describe(e, catalog, prefixes)).append('\n'));
        if (!others.isEmpty()) {
            md.append("\n## Warnings on datasets published by other tests (not counted)\n\n");
            others.forEach(e -> md.append("- ").append(Conformance.describe(e, catalog, prefixes)).append('\n'));
        }
        md.append("""

                ## Why these remain

                - **foaf:Agent without dct:type**: the issuers of the source documents are named in catalog.json
                  (`documents[].issuer`) but not classified, and the seed-import software agent has no ADMS
                  publisher type. Classifying them would be inventing data.
                - **dct:LicenseDocument without dct:type**: catalog.json gives a licence's IRI and name only.
                - **dct:Location without dcat:bbox / dcat:centroid**: the catalog holds no geometry.
                - **dcat:DataService without dcat:theme / dcat:keyword**, and the REST API without dct:conformsTo:
                  the services are the portal's own, described by title, endpoint, endpoint description, publisher,
                  contact point and the datasets they serve; they have no theme or keywords of their own, and the
                  REST API follows no published standard.
                """);
        return md.toString();
    }

    private static String types(Node node, Graph graph, PrefixMapping prefixes) {
        String types = graph.find(node, Vocab.TYPE, Node.ANY).mapWith(t -> prefixes.shortForm(t.getObject().getURI()))
                .toList().stream().sorted().collect(Collectors.joining(", "));
        return types.isEmpty() ? "-" : types;
    }

    private void section(StringBuilder md, String title, ValidationReport report, Graph catalog) {
        md.append("## ").append(title).append("\n\n").append(report.getEntries().size()).append(" result(s)\n\n");
        Map<String, Integer> groups = new TreeMap<>();
        for (ReportEntry e : report.getEntries()) {
            groups.merge(e.severity().level().getLocalName() + " | " + (e.resultPath() == null ? "-" : e.resultPath().toString())
                    + " | " + e.message().replace('\n', ' '), 1, Integer::sum);
        }
        groups.forEach((key, count) -> md.append("- ").append(count).append(" × ").append(key).append('\n'));
        md.append('\n');
        report.getEntries().forEach(e -> md.append("  - ").append(Conformance.describe(e, catalog, prefixes())).append('\n'));
        md.append('\n');
    }
}
