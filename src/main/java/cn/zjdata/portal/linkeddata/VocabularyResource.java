package cn.zjdata.portal.linkeddata;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The vocabulary at its namespace {@code {base}def/zjde} and its SHACL shapes at {@code {base}def/zjde-shapes}. */
@Path("/def")
@Tag(name = "Linked data")
public class VocabularyResource {

    private final Vocabulary vocabulary;
    private final RdfResponses responses;
    private final Uris uris;
    private volatile Graph vocabularyGraph;
    private volatile Graph shapesGraph;

    public VocabularyResource(Vocabulary vocabulary, RdfResponses responses, Uris uris) {
        this.vocabulary = vocabulary;
        this.responses = responses;
        this.uris = uris;
    }

    @GET
    @Path("{file: zjde(\\.(ttl|html|jsonld|rdf|nt))?}")
    @Operation(summary = "The portal's vocabulary (zjde:)", description = "Content-negotiated like every linked-data document")
    public Response vocabulary(@PathParam("file") String file, @QueryParam("format") String format,
                               @Context HttpHeaders headers, @Context Request request) {
        if (vocabularyGraph == null) {
            vocabularyGraph = prefixed(vocabulary.vocabulary());
        }
        return responses.respond(vocabularyGraph, NodeFactory.createURI(uris.vocabularyDocument()), "/def/zjde", "",
                RdfResponses.explicit(file.substring("zjde".length()), format), headers, request);
    }

    @GET
    @Path("{file: zjde-shapes(\\.(ttl|html|jsonld|rdf|nt))?}")
    @Operation(summary = "The SHACL shapes of the portal's data")
    public Response shapes(@PathParam("file") String file, @QueryParam("format") String format,
                           @Context HttpHeaders headers, @Context Request request) {
        if (shapesGraph == null) {
            shapesGraph = prefixed(vocabulary.shapes());
        }
        return responses.respond(shapesGraph, NodeFactory.createURI(uris.base() + "def/zjde-shapes"), "/def/zjde-shapes", "",
                RdfResponses.explicit(file.substring("zjde-shapes".length()), format), headers, request);
    }

    private Graph prefixed(Graph graph) {
        graph.getPrefixMapping().setNsPrefixes(Vocab.prefixes(uris.zjdeNamespace()));
        return graph;
    }
}
