package cn.zjdata.portal.linkeddata;

import cn.zjdata.portal.common.ApiConfig;
import cn.zjdata.portal.common.PageRequest;
import cn.zjdata.portal.common.ProblemException;
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

/** The DCAT catalog at {@code /catalog}: paged (50 datasets a page, a Hydra view links the pages), content-negotiated. */
@Path("/catalog{ext: (\\.(ttl|html|jsonld|rdf|nt))?}")
@Tag(name = "Linked data")
public class CatalogDocumentResource {

    private final CatalogDocuments documents;
    private final RdfResponses responses;
    private final Uris uris;
    private final ApiConfig api;

    public CatalogDocumentResource(CatalogDocuments documents, RdfResponses responses, Uris uris, ApiConfig api) {
        this.documents = documents;
        this.responses = responses;
        this.uris = uris;
        this.api = api;
    }

    @GET
    @Operation(summary = "The DCAT catalog", description = "Paged with page=; text/turtle, text/html, application/ld+json, "
            + "application/rdf+xml, application/n-triples, or an extension / format=")
    public Response catalog(@PathParam("ext") String extension, @QueryParam("page") String page,
                            @QueryParam("format") String format, @Context HttpHeaders headers, @Context Request request) {
        int number = PageRequest.parse(page, null, api).page();
        int pages = documents.pages();
        if (number > pages) {
            throw ProblemException.badParameter("page", "the catalog has " + pages + " page(s)");
        }
        return responses.respond(documents.catalogPage(number), uris.catalog(), "/catalog",
                page == null ? "" : "?page=" + number, RdfResponses.explicit(extension, format), headers, request);
    }
}
