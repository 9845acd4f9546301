package cn.zjdata.portal.sparql;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

/**
 * The SPARQL 1.1 Protocol endpoint (queries only). The rules are in {@link SparqlService}; this class
 * only reads HTTP and writes the answer.
 */
@Path("/sparql")
@Tag(name = "SPARQL", description = "SPARQL 1.1 query endpoint over all published linked data (read-only)")
public class SparqlResource {

    private final ProtocolReader reader;
    private final SparqlService sparql;
    private final SparqlPage page;

    public SparqlResource(ProtocolReader reader, SparqlService sparql, SparqlPage page) {
        this.reader = reader;
        this.sparql = sparql;
        this.page = page;
    }

    @Context
    UriInfo uri;
    @Context
    Request request;

    @GET
    @Operation(summary = "Run a query, or describe the service",
            description = "With query=: the answer, as negotiated on Accept or chosen by format= (json, xml, csv, tsv "
                    + "for SELECT/ASK; ttl, jsonld, nt, rdf for CONSTRUCT/DESCRIBE). Parameters: default-graph-uri, "
                    + "named-graph-uri (repeatable), timeout (seconds; can only shorten the server's). Without a query: "
                    + "the SPARQL Service Description, or the HTML query page for a browser. SELECT answers are cut at "
                    + "the row limit and CONSTRUCT/DESCRIBE at the triple limit, stated in the SPARQL-Result-Limit header.")
    public Response get(@HeaderParam(HttpHeaders.ACCEPT) String accept,
                        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                        @Parameter(description = "an example of the query page to open in its editor") @QueryParam("example") String example) {
        ProtocolRequest query = reader.fromGet(uri.getQueryParameters());
        if (query.hasQuery()) {
            return sparql.query(query, accept, ifNoneMatch, "HEAD".equals(request.getMethod())).toResponse();
        }
        SparqlFormat format = sparql.serviceDescriptionFormat(query, accept);
        if (format == SparqlFormat.HTML) {
            return page.show(example);
        }
        return sparql.serviceDescription(format, ifNoneMatch).toResponse();
    }

    @POST
    @Operation(summary = "Run a query sent in the body",
            description = "As application/sparql-query (UTF-8) or application/x-www-form-urlencoded (query=...). "
                    + "Updates are refused (403): the endpoint is read-only.")
    @RequestBody(content = {@Content(mediaType = ProtocolReader.SPARQL_QUERY),
            @Content(mediaType = ProtocolReader.FORM)})
    public Response post(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                         @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding,
                         @HeaderParam(HttpHeaders.ACCEPT) String accept,
                         @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                         InputStream body) {
        ProtocolRequest query = reader.fromPost(uri.getQueryParameters(), contentType, contentEncoding, body);
        return sparql.query(query, accept, ifNoneMatch, false).toResponse();
    }

    @OPTIONS
    @Operation(summary = "CORS preflight")
    public Response preflight() {
        return Response.noContent()
                .header(HttpHeaders.ALLOW, SparqlHeaders.ALLOWED_METHODS)
                .header("Access-Control-Allow-Methods", SparqlHeaders.ALLOWED_METHODS)
                .header("Access-Control-Allow-Headers", SparqlHeaders.ALLOWED_HEADERS)
                .header("Access-Control-Max-Age", "86400")
                .build();
    }
}
