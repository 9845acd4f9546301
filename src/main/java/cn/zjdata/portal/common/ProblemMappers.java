package cn.zjdata.portal.common;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.enterprise.inject.Instance;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The one place where failures become HTTP statuses and problem+json bodies. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final Instance<ProblemPages> pages;

    public ProblemMappers(Instance<ProblemPages> pages) {
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return respond(e.toProblem(), request);
    }

    /** A presented API token that is unknown, expired or revoked, or a request needing a sign-in. */
    @ServerExceptionMapper({io.quarkus.security.AuthenticationFailedException.class, io.quarkus.security.UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, HttpServerRequest request) {
        String detail = e instanceof io.quarkus.security.AuthenticationFailedException && e.getMessage() != null
                ? e.getMessage() : "Sign in, or send a valid API token as 'Authorization: Bearer <token>'";
        return respond(new Problem("/problems/unauthorized", "Sign-in required", 401, detail, null, List.of()), request);
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, HttpServerRequest request) {
        return respond(new Problem("/problems/forbidden", "Forbidden", 403,
                "You are signed in but may not do this", null, List.of()), request);
    }

    /** JAX-RS's own failures: unknown path (404), wrong method (405), unacceptable (406), unsupported (415)... */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, request);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request failed" : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "Nothing is published at " + request.path();
            case 405 -> "Method " + request.method() + " is not allowed on " + request.path();
            case 406 -> "None of the media types in the Accept header can be produced here";
            case 415 -> "The request's content type is not supported here";
            default -> title;
        };
        String type = "/problems/" + title.toLowerCase().replace(' ', '-');
        Problem problem = new Problem(type, title, status, detail, request.path(), List.of());
        Optional<Response> page = page(problem, request);
        if (page.isPresent()) {
            return page.get();
        }
        Response.ResponseBuilder builder = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(problem);
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            builder.header("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return builder.build();
    }

    /** Anything unexpected: logged with an incident id, answered without internals. */
    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        return internal(e, request);
    }

    private Response internal(Throwable e, HttpServerRequest request) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Incident %s on %s %s", incident, request.method(), request.path());
        Problem problem = new Problem("/problems/internal", "Internal error", 500,
                "The portal failed to answer this request; incident " + incident + " has been logged.",
                request.path(), List.of());
        return page(problem, request).orElseGet(() -> Response.status(500).type(Problem.MEDIA_TYPE).entity(problem).build());
    }

    private Optional<Response> page(Problem problem, HttpServerRequest request) {
        if (pages.isUnsatisfied()) {
            return Optional.empty();
        }
        try {
            return pages.get().render(problem, request);
        } catch (RuntimeException e) {
            LOG.errorf(e, "The error page for %s could not be rendered; answering problem+json", request.path());
            return Optional.empty();
        }
    }

    private Response respond(Problem problem, HttpServerRequest request) {
        Optional<Response> page = page(problem.withInstance(request.uri()), request);
        if (page.isPresent()) {
            return page.get();
        }
        Response.ResponseBuilder response = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(request.uri()));
        if (problem.status() == 401) {
            response.header("WWW-Authenticate", "Bearer realm=\"portal\"");
        }
        return response.build();
    }
}
