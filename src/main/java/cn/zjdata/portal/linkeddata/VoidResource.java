package cn.zjdata.portal.linkeddata;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The VoID description at {@code /.well-known/void}: the SPARQL endpoint, the dump, the vocabularies, triples per graph. */
@Path("/.well-known/void{ext: (\\.(ttl|html|jsonld|rdf|nt))?}")
@Tag(name = "Linked data")
public class VoidResource {

    private final CatalogDocuments documents;
    private final RdfResponses responses;
    private final Uris uris;

    public VoidResource(CatalogDocuments documents, RdfResponses responses, Uris uris) {
        this.documents = documents;
        this.responses = responses;
        this.uris = uris;
    }

    @GET
    @Operation(summary = "VoID description of the linked data")
    public Response voidDescription(@PathParam("ext") String extension, @QueryParam("format") String format,
                                    @Context HttpHeaders headers, @Context Request request) {
        return responses.respond(documents.voidDescription(), uris.voidDataset(), "/.well-known/void", "",
                RdfResponses.explicit(extension, format), headers, request);
    }
}
