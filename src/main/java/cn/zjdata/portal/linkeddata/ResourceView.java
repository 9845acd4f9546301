package cn.zjdata.portal.linkeddata;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the HTML variant of a linked-data document shows: the thing's label, its types, its properties
 * with their values (links for IRIs, language tags for texts), what points at it, and the other formats.
 */
public record ResourceView(String iri, String label, String labelEn, List<Value> types, List<Property> properties,
                           List<Property> incoming, List<Alternate> alternates) {

    /** A value: a link (href set) or a literal (language or datatype set). */
    public record Value(String text, String href, String language, String datatype) {
    }

    public record Property(String name, String href, List<Value> values) {
    }

    public record Alternate(String label, String href, String mediaType) {
    }

    private static final List<String> LABELS = List.of(Vocab.SKOS + "prefLabel", Vocab.RDFS + "label",
            Vocab.DCT + "title", Vocab.FOAF + "name");

    static ResourceView of(Graph graph, Node subject, Uris uris, List<Alternate> alternates) {
        PrefixMapping prefixes = graph.getPrefixMapping();
        Map<Node, List<Value>> outgoing = new LinkedHashMap<>();
        Map<Node, List<Value>> pointing = new LinkedHashMap<>();
        List<Value> types = new ArrayList<>();
        graph.find(subject, Node.ANY, Node.ANY).forEachRemaining(t -> {
            if (t.getPredicate().equals(Vocab.TYPE)) {
                types.add(value(t.getObject(), graph, uris, prefixes));
            } else {
                outgoing.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(value(t.getObject(), graph, uris, prefixes));
            }
        });
        graph.find(Node.ANY, Node.ANY, subject).forEachRemaining((Triple t) ->
                pointing.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(value(t.getSubject(), graph, uris, prefixes)));
        return new ResourceView(subject.getURI(), label(graph, subject, "zh"), label(graph, subject, "en"), types,
                properties(outgoing, uris, prefixes), properties(pointing, uris, prefixes), alternates);
    }

    private static List<Property> properties(Map<Node, List<Value>> values, Uris uris, PrefixMapping prefixes) {
        return values.entrySet().stream()
                .map(e -> new Property(prefixes.shortForm(e.getKey().getURI()), href(e.getKey().getURI(), uris),
                        e.getValue().stream().sorted(Comparator.comparing(Value::text)).toList()))
                .sorted(Comparator.comparing(Property::name))
                .toList();
    }

    private static Value value(Node node, Graph graph, Uris uris, PrefixMapping prefixes) {
        if (node.isURI()) {
            String label = label(graph, node, "zh");
            String text = label != null ? label + " (" + prefixes.shortForm(node.getURI()) + ")" : prefixes.shortForm(node.getURI());
            return new Value(text, href(node.getURI(), uris), null, null);
        }
        if (node.isBlank()) {
            List<String> parts = new ArrayList<>();
            graph.find(node, Node.ANY, Node.ANY).forEachRemaining(t -> parts.add(prefixes.shortForm(t.getPredicate().getURI())
                    + " " + (t.getObject().isLiteral() ? t.getObject().getLiteralLexicalForm()
                    : t.getObject().isURI() ? prefixes.shortForm(t.getObject().getURI()) : "[…]")));
            parts.sort(Comparator.naturalOrder());
            return new Value("[ " + String.join(" ; ", parts) + " ]", null, null, null);
        }
        String language = node.getLiteralLanguage();
        return new Value(node.getLiteralLexicalForm(), null, language == null || language.isEmpty() ? null : language,
                language == null || language.isEmpty() ? prefixes.shortForm(node.getLiteralDatatypeURI()) : null);
    }

    /** Links to the portal's own things go to their description documents. */
    private static String href(String iri, Uris uris) {
        return uris.documentOf(iri).orElse(iri);
    }

    private static String label(Graph graph, Node node, String language) {
        for (String property : LABELS) {
            var found = graph.find(node, org.apache.jena.graph.NodeFactory.createURI(property), Node.ANY).toList();
            for (Triple t : found) {
                if (t.getObject().isLiteral() && language.equals(t.getObject().getLiteralLanguage())) {
                    return t.getObject().getLiteralLexicalForm();
                }
            }
        }
        return null;
    }
}
