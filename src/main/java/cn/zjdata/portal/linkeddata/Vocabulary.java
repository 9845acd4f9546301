package cn.zjdata.portal.linkeddata;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The portal's vocabulary ({@code ontology/zjde.ttl}) and shapes ({@code ontology/shapes.ttl}), packaged
 * in the application and resolved against the base URI, so each deployment serves them at its own
 * namespace ({base}def/zjde#, {base}def/zjde-shapes#).
 */
@ApplicationScoped
public class Vocabulary {

    private final Uris uris;

    public Vocabulary(Uris uris) {
        this.uris = uris;
    }

    public Graph vocabulary() {
        return parse("ontology/zjde.ttl");
    }

    public Graph shapes() {
        return parse("ontology/shapes.ttl");
    }

    private Graph parse(String resource) {
        Graph graph = GraphFactory.createDefaultGraph();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                // A packaging defect, not something a client asked for wrongly.
                throw new IllegalStateException(resource + " is missing from the build's resources");
            }
            RDFParser.source(in).base(uris.base()).lang(Lang.TURTLE).parse(graph);
            return graph;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
