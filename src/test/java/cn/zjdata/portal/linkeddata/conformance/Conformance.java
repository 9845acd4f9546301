package cn.zjdata.portal.linkeddata.conformance;

import cn.zjdata.portal.linkeddata.ProjectionService;
import cn.zjdata.portal.linkeddata.RdfStore;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.graph.GraphFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the conformance tests share: where the standards are, snapshots of the store, readable SHACL results. */
final class Conformance {

    private Conformance() {
    }

    /** The shared standards folder, {@code ../shared/standards} unless {@code test.shared.dir} says otherwise. */
    static Path standards(String first, String... more) {
        Path path = Path.of(System.getProperty("test.shared.dir", "../shared"), "standards").resolve(Path.of(first, more));
        assertTrue(Files.exists(path), "The standards material is missing: " + path.toAbsolutePath());
        return path;
    }

    /** Where the tests write their reports. */
    static Path reportFile(String name) {
        Path dir = Path.of("target", "conformance");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve(name);
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Brings the store up to date with the database. If another test left a dataset that cannot be projected
     * (DownloadResourceTest deletes a release file), the outbox stays blocked at that event and the store keeps
     * its last consistent state: the checks then run on that state rather than fail for someone else's dataset.
     */
    static void catchUp(ProjectionService projection) {
        try {
            projection.applyPending();
        } catch (RuntimeException e) {
            System.err.println("[conformance] the projection could not catch up, checking the store as it is: " + e);
        }
    }

    /** An in-memory copy of the union of every graph of the store, taken in one read transaction. */
    static Graph union(RdfStore store) {
        return store.read(dataset -> copy(dataset.getUnionGraph()));
    }

    /** An in-memory copy of one named graph of the store. */
    static Graph graph(RdfStore store, Node name) {
        return store.read(dataset -> copy(dataset.getGraph(name)));
    }

    static Graph copy(Graph source) {
        Graph graph = GraphFactory.createDefaultGraph();
        source.find().forEachRemaining(graph::add);
        return graph;
    }

    /** A Turtle file parsed against a base URI (the portal's files have relative IRIs). */
    static Graph parseTurtle(Path file, String base) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.source(file).base(base).lang(Lang.TURTLE).parse(graph);
        return graph;
    }

    static List<ReportEntry> entries(ValidationReport report, Severity severity) {
        return report.getEntries().stream().filter(e -> e.severity().equals(severity)).toList();
    }

    /** One result as a line: focus node, path, constraint, message, value. */
    static String describe(ReportEntry e, Graph data, PrefixMapping prefixes) {
        return "focus " + node(e.focusNode(), data, prefixes)
                + " | path " + (e.resultPath() == null ? "-" : e.resultPath().toString(new Prologue(prefixes)))
                + " | " + e.sourceConstraintComponent().getLocalName()
                + " | " + e.message().replace('\n', ' ')
                + (e.value() == null ? "" : " | value " + node(e.value(), data, prefixes));
    }

    static String describeAll(java.util.Collection<ReportEntry> entries, Graph data, PrefixMapping prefixes) {
        return entries.stream().map(e -> "  - " + describe(e, data, prefixes)).collect(Collectors.joining("\n"));
    }

    /** A node, short; a blank node by the triple that leads to it ("[] ← dcat:contactPoint of id:dataset/x"). */
    static String node(Node node, Graph data, PrefixMapping prefixes) {
        if (node.isURI()) {
            String shortForm = prefixes.shortForm(node.getURI());
            return shortForm.equals(node.getURI()) ? "<" + node.getURI() + ">" : shortForm;
        }
        if (node.isLiteral()) {
            return "\"" + node.getLiteralLexicalForm() + "\"" + (node.getLiteralLanguage().isEmpty() ? "" : "@" + node.getLiteralLanguage());
        }
        List<Triple> incoming = data.find(Node.ANY, Node.ANY, node).toList();
        if (incoming.isEmpty()) {
            return "[]";
        }
        Triple t = incoming.getFirst();
        return "[] ← " + prefixes.shortForm(t.getPredicate().getURI()) + " of " + node(t.getSubject(), data, prefixes);
    }

    /**
     * The dataset a node of the catalog graph belongs to, by its URI ({base}id/dataset/{slug}…) or, for a
     * blank node, by the resource that leads to it; null for what belongs to the catalog as a whole.
     */
    static String owningDataset(Node node, Graph data, String idBase) {
        return owningDataset(node, data, idBase + "dataset/", new HashSet<>());
    }

    private static String owningDataset(Node node, Graph data, String prefix, Set<Node> seen) {
        if (!seen.add(node)) {
            return null;
        }
        if (node.isURI()) {
            String uri = node.getURI();
            if (!uri.startsWith(prefix)) {
                return null;
            }
            String rest = uri.substring(prefix.length());
            int slash = rest.indexOf('/');
            return slash < 0 ? rest : rest.substring(0, slash);
        }
        for (Triple t : data.find(Node.ANY, Node.ANY, node).toList()) {
            String owner = owningDataset(t.getSubject(), data, prefix, seen);
            if (owner != null) {
                return owner;
            }
        }
        return null;
    }

    /** The identifiers of the seed catalog's datasets: the folders of {@code datasets/}. */
    static Set<String> seedDatasets() {
        try (var folders = Files.list(Path.of("datasets"))) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
