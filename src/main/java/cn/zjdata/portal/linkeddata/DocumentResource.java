package cn.zjdata.portal.linkeddata;

import cn.zjdata.portal.common.ProblemException;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The description of a thing, {@code {base}doc/…}: Turtle, HTML, JSON-LD, RDF/XML or N-Triples by
 * content negotiation, or the one an extension ({@code .ttl}, {@code .html}, {@code .jsonld},
 * {@code .rdf}, {@code .nt}) or {@code format=} names.
 */
@Path("/doc")
@Tag(name = "Linked data")
public class DocumentResource {

    static final Pattern EXTENSION = Pattern.compile("(.+?)(\\.(ttl|html|jsonld|rdf|nt))?");

    private final Describer describer;
    private final RdfResponses responses;
    private final Uris uris;

    public DocumentResource(Describer describer, RdfResponses responses, Uris uris) {
        this.describer = describer;
        this.responses = responses;
        this.uris = uris;
    }

    @GET
    @Path("{path: .+}")
    @Operation(summary = "A thing's description", description = "Content-negotiated: text/turtle, text/html, "
            + "application/ld+json, application/rdf+xml, application/n-triples; or .ttl/.html/.jsonld/.rdf/.nt, or format=")
    public Response document(@Encoded @PathParam("path") String path, @QueryParam("format") String format,
                             @Context HttpHeaders headers, @Context Request request) {
        Matcher m = EXTENSION.matcher(path);
        m.matches();
        String key = Uris.canonicalPath(m.group(1)).orElse(m.group(1));
        String thing = uris.idBase() + key;
        RdfFormat forced = RdfResponses.explicit(m.group(2), format);
        Graph graph = describer.describe(thing);
        if (graph.isEmpty()) {
            throw new ProblemException(404, "/problems/not-found", "Not found", "The portal describes nothing "
                    + uris.idBase() + m.group(1), List.of());
        }
        Node subject = NodeFactory.createURI(thing);
        Response response = responses.respond(graph, subject, "/doc/" + key, "", forced, headers, request);
        // A withdrawn dataset or release: its tombstone, under 410 Gone, in whatever format was asked for.
        boolean withdrawn = graph.contains(subject, NodeFactory.createURI(Vocab.ADMS + "status"),
                NodeFactory.createURI(CatalogProjector.WITHDRAWN));
        return withdrawn && response.getStatus() == 200 ? Response.fromResponse(response).status(410).build() : response;
    }
}
