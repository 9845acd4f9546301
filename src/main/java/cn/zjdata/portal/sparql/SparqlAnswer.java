package cn.zjdata.portal.sparql;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.util.Map;

/**
 * What the endpoint answers: an answer in a format, whole ({@code body}) or streamed ({@code stream}),
 * or a 304 when the client's copy is current. Answers of deterministic queries carry a strong entity
 * tag and are revalidated ({@code no-cache}); the others are never stored.
 *
 * @param headers extra headers, such as the result limit
 */
public record SparqlAnswer(SparqlFormat format, boolean notModified, String etag, byte[] body, StreamingOutput stream,
                           Map<String, String> headers) {

    /** The header that states how many rows (SELECT) or triples (CONSTRUCT, DESCRIBE) an answer holds at most. */
    public static final String RESULT_LIMIT = "SPARQL-Result-Limit";

    static SparqlAnswer whole(SparqlFormat format, String etag, byte[] body, Map<String, String> headers) {
        return new SparqlAnswer(format, false, etag, body, null, headers);
    }

    static SparqlAnswer streamed(SparqlFormat format, String etag, StreamingOutput stream, Map<String, String> headers) {
        return new SparqlAnswer(format, false, etag, null, stream, headers);
    }

    static SparqlAnswer unchanged(SparqlFormat format, String etag, Map<String, String> headers) {
        return new SparqlAnswer(format, true, etag, null, null, headers);
    }

    public Response toResponse() {
        Response.ResponseBuilder builder = notModified ? Response.notModified() : Response.ok().type(format.contentType());
        if (etag != null) {
            builder.tag(new EntityTag(etag)).header(HttpHeaders.CACHE_CONTROL, "no-cache");
        } else {
            builder.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        headers.forEach(builder::header);
        if (body != null) {
            builder.entity(body);
        } else if (stream != null) {
            builder.entity(stream);
        }
        return builder.build();
    }
}
