package cn.zjdata.portal.sparql;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Arrays;

/**
 * Headers every answer of the endpoint carries, errors included: CORS (any origin may query; scripts
 * may read the entity tag and the result limit), {@code Vary: Accept} (answers are negotiated), and on a
 * 405 the methods that are allowed.
 */
public class SparqlHeaders {

    static final String ALLOWED_METHODS = "GET, POST, OPTIONS";
    static final String ALLOWED_HEADERS = "Accept, Content-Type";

    @ServerResponseFilter
    public void addHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/sparql") && !path.startsWith("/sparql/")) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Access-Control-Allow-Origin", "*");
        headers.putSingle("Access-Control-Expose-Headers", "ETag, " + SparqlAnswer.RESULT_LIMIT);
        Object vary = headers.getFirst(HttpHeaders.VARY);
        if (vary == null) {
            headers.putSingle(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        } else if (Arrays.stream(vary.toString().split(",")).noneMatch(v -> v.strip().equalsIgnoreCase(HttpHeaders.ACCEPT))) {
            headers.putSingle(HttpHeaders.VARY, vary + ", " + HttpHeaders.ACCEPT);
        }
        if (response.getStatus() == 405) {
            headers.putSingle(HttpHeaders.ALLOW, ALLOWED_METHODS);
        }
    }
}
