package cn.zjdata.portal.sparql;

import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.ProblemException;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryParseException;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every way a SPARQL request can fail, and the status each one is answered with: the one place where
 * the endpoint's failures meet HTTP. {@link cn.zjdata.portal.common.ProblemMappers} writes them as
 * problem+json.
 */
final class SparqlProblems {

    private SparqlProblems() {
    }

    static ProblemException readOnly() {
        return new ProblemException(403, "/problems/sparql-read-only", "The SPARQL endpoint is read-only",
                "SPARQL Update is not accepted here; the data changes only when a release is published", List.of());
    }

    static ProblemException syntax(QueryParseException e) {
        String message = e.getMessage() == null ? "The query does not parse" : e.getMessage().strip().lines()
                .findFirst().orElse("The query does not parse");
        return new ProblemException(400, "/problems/sparql-syntax", "The query is not valid SPARQL", message,
                List.of(FieldError.of("query", message)));
    }

    static ProblemException missingQuery() {
        return ProblemException.badParameter("query", "a query is required");
    }

    static ProblemException multipleQueries() {
        return ProblemException.badParameter("query", "exactly one query may be given");
    }

    static ProblemException notSupported(String what) {
        return new ProblemException(400, "/problems/sparql-not-supported", "Not supported by this endpoint", what,
                List.of());
    }

    static ProblemException queryTooLongInUrl(long limit) {
        return ProblemException.badParameter("query", "the query is longer than " + limit
                + " bytes; send a longer query in a POST body (up to the same limit)");
    }

    static ProblemException queryTooLarge(long limit) {
        return new ProblemException(413, "/problems/too-large", "The query is too large",
                "Queries may be at most " + limit + " bytes long", List.of());
    }

    static ProblemException unsupportedMediaType(String contentType) {
        String given = contentType == null || contentType.isBlank() ? "no content type" : "'" + contentType + "'";
        return new ProblemException(415, "/problems/unsupported-media-type", "Unsupported Media Type",
                "A query is POSTed as application/sparql-query (UTF-8) or application/x-www-form-urlencoded; "
                + "this request has " + given, List.of());
    }

    static ProblemException notUtf8() {
        return new ProblemException(415, "/problems/unsupported-media-type", "Unsupported Media Type",
                "The query must be UTF-8", List.of());
    }

    static ProblemException malformedBody(String detail) {
        return new ProblemException(400, "/problems/bad-request", "Bad request", detail, List.of());
    }

    static ProblemException notAcceptable(List<SparqlFormat> offers) {
        String list = offers.stream().map(f -> f.mediaType + " (format=" + f.token + ")")
                .collect(Collectors.joining(", "));
        return new ProblemException(406, "/problems/not-acceptable", "Not Acceptable",
                "This answer is available as " + list, List.of());
    }

    static ProblemException tooComplex() {
        return new ProblemException(400, "/problems/sparql-too-complex", "The query is too complex",
                "The query is nested too deeply to be read or evaluated", List.of());
    }

    static ProblemException timeout(Duration limit) {
        return new ProblemException(503, "/problems/sparql-timeout", "The query took too long",
                "The query was stopped after " + seconds(limit) + "; simplify it, add a LIMIT, or try again later",
                List.of());
    }

    static ProblemException busy(Duration waited) {
        return new ProblemException(503, "/problems/busy", "The SPARQL endpoint is busy",
                "No query slot came free within " + seconds(waited) + "; try again in a few seconds", List.of());
    }

    /** A failure while a query ran, before anything was sent. */
    static ProblemException executionFailed(Throwable failure, Duration timeout) {
        if (failure instanceof ProblemException problem) {
            return problem;
        }
        if (failure instanceof QueryCancelledException) {
            return timeout(timeout);
        }
        if (failure instanceof StackOverflowError) {
            return tooComplex();
        }
        if (failure instanceof QueryException e) {
            return new ProblemException(400, "/problems/sparql-execution", "The query could not be evaluated",
                    e.getMessage() == null ? "The query could not be evaluated" : e.getMessage().lines().findFirst()
                            .orElse(""), List.of());
        }
        throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : (d.toMillis() / 1000.0) + " s";
    }
}
