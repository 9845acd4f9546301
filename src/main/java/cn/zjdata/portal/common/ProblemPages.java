package cn.zjdata.portal.common;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/**
 * Renders a problem as a page for a person, when the request came from a browser for a page rather than
 * from a program for the API. Implemented by the web feature; without it every problem is problem+json.
 */
public interface ProblemPages {

    Optional<Response> render(Problem problem, HttpServerRequest request);
}
