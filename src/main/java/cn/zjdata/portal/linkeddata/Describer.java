package cn.zjdata.portal.linkeddata;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * What a linked-data document about a thing holds: every triple about it in any graph, the blank nodes
 * those lead to (a concise bounded description), and the triples that point at it (up to a limit, so a
 * much-referenced thing stays a readable document).
 */
@ApplicationScoped
public class Describer {

    static final int MAX_INCOMING = 1000;

    private final RdfStore store;
    private final Uris uris;

    public Describer(RdfStore store, Uris uris) {
        this.store = store;
        this.uris = uris;
    }

    /** The description of a thing; empty when the store knows nothing about it. */
    public Graph describe(String iri) {
        return store.read(dataset -> describe(dataset, NodeFactory.createURI(iri), true));
    }

    /** The outgoing description only, inside an open read transaction. */
    Graph describe(DatasetGraph dataset, Node subject, boolean incoming) {
        Graph graph = prefixed();
        Set<Node> seen = new HashSet<>();
        Deque<Node> queue = new ArrayDeque<>();
        queue.add(subject);
        while (!queue.isEmpty()) {
            Node node = queue.poll();
            if (!seen.add(node)) {
                continue;
            }
            Iterator<Quad> quads = dataset.find(Node.ANY, node, Node.ANY, Node.ANY);
            while (quads.hasNext()) {
                Quad quad = quads.next();
                graph.add(Triple.create(quad.getSubject(), quad.getPredicate(), quad.getObject()));
                if (quad.getObject().isBlank()) {
                    queue.add(quad.getObject());
                }
            }
        }
        if (incoming) {
            Iterator<Quad> quads = dataset.find(Node.ANY, Node.ANY, Node.ANY, subject);
            int count = 0;
            while (quads.hasNext() && count < MAX_INCOMING) {
                Quad quad = quads.next();
                if (quad.getSubject().isURI()) {
                    graph.add(Triple.create(quad.getSubject(), quad.getPredicate(), quad.getObject()));
                    count++;
                }
            }
        }
        return graph;
    }

    /** Whether the store says anything about the thing. */
    public boolean exists(String iri) {
        Node node = NodeFactory.createURI(iri);
        return store.read(dataset -> dataset.find(Node.ANY, node, Node.ANY, Node.ANY).hasNext());
    }

    Graph prefixed() {
        Graph graph = GraphFactory.createDefaultGraph();
        graph.getPrefixMapping().setNsPrefixes(Vocab.prefixes(uris.zjdeNamespace()));
        graph.getPrefixMapping().setNsPrefix("id", uris.idBase());
        return graph;
    }
}
