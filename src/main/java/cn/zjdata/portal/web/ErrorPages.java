package cn.zjdata.portal.web;

import cn.zjdata.portal.common.Problem;
import cn.zjdata.portal.common.ProblemPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/**
 * Errors a person understands: a browser asking for a page (not the API) gets the problem as a page in
 * their language, with a way back; programs keep getting problem+json.
 */
@ApplicationScoped
public class ErrorPages implements ProblemPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(Problem problem, String kind);
    }

    @Inject
    Ui ui;

    @Override
    public Optional<Response> render(Problem problem, HttpServerRequest request) {
        if (!wantsPage(request)) {
            return Optional.empty();
        }
        String kind = switch (problem.status()) {
            case 404 -> "not-found";
            case 410 -> "gone";
            case 401, 403 -> "forbidden";
            case 400, 406, 412, 413, 415, 422 -> "bad-request";
            case 503 -> "unavailable";
            default -> problem.status() >= 500 ? "internal" : "bad-request";
        };
        String html = Templates.error(problem, kind).setLocale(ui.locale()).render();
        return Optional.of(Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(html).build());
    }

    /**
     * A browser navigating to a page: it names text/html in its Accept header (a bare wildcard, as sent by
     * curl and HTTP libraries, does not count), prefers it to JSON, and the path is not an API path.
     */
    static boolean wantsPage(HttpServerRequest request) {
        String path = request.path();
        if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/assets/") || path.startsWith("/dumps/")) {
            return false;
        }
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        if (!namesHtml(accept)) {
            return false;
        }
        double html = quality(accept, "text/html");
        return html > 0 && html >= quality(accept, "application/json") && html >= quality(accept, "application/problem+json");
    }

    private static boolean namesHtml(String accept) {
        for (String part : accept.split(",")) {
            String range = part.split(";", 2)[0].trim();
            if (range.equalsIgnoreCase("text/html")) {
                return true;
            }
        }
        return false;
    }

    /** The q of the most specific range matching a media type (type/subtype, type/*, * / *), 0 when none. */
    static double quality(String accept, String mediaType) {
        String type = mediaType.substring(0, mediaType.indexOf('/'));
        double best = 0;
        int specificity = -1;
        for (String part : accept.split(",")) {
            String[] pieces = part.trim().split(";");
            String range = pieces[0].trim().toLowerCase();
            int s = range.equals(mediaType) ? 2 : range.equals(type + "/*") ? 1 : range.equals("*/*") ? 0 : -1;
            if (s < 0 || s < specificity) {
                continue;
            }
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (s > specificity) {
                specificity = s;
                best = q;
            }
        }
        return best;
    }
}
