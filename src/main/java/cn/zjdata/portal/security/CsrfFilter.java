package cn.zjdata.portal.security;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.util.Optional;
import java.util.Set;

/**
 * CSRF protection for everything a browser session can change: a request that changes something under
 * {@code /staff} or {@code /api/staff} and carries the session cookie (and no API token) must also carry the
 * session's synchronizer token, as the {@code X-CSRF-Token} header (scripts) or the {@code csrf} form field
 * (forms, multipart uploads included). Otherwise it is refused with 403 before the resource runs.
 * Token-authenticated API calls need no CSRF token: a browser never sends an Authorization header by itself.
 */
public class CsrfFilter {

    public static final String HEADER = "X-CSRF-Token";
    public static final String FORM_FIELD = "csrf";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final SessionService sessions;

    public CsrfFilter(SessionService sessions) {
        this.sessions = sessions;
    }

    // Bound to the staff resources only (@CsrfChecked), so reading the form body first (readBody) never
    // touches other endpoints, such as the SPARQL endpoint that reads its own form.
    @CsrfChecked
    @ServerRequestFilter(readBody = true)
    public Optional<Response> check(ResteasyReactiveContainerRequestContext context, HttpServerRequest request) {
        String path = request.path();
        if (SAFE.contains(request.method().name()) || !(path.startsWith("/staff") || path.startsWith("/api/staff"))) {
            return Optional.empty();
        }
        if (request.getHeader("Authorization") != null) {
            return Optional.empty();
        }
        Cookie cookie = request.getCookie(StaffAuthenticationMechanism.SESSION_COOKIE);
        if (cookie == null || cookie.getValue().isBlank()) {
            return Optional.empty(); // anonymous: the resource answers 401 if it needs a sign-in
        }
        Optional<String> expected = sessions.csrfToken(Secrets.sha256(cookie.getValue()));
        if (expected.isEmpty()) {
            return Optional.empty(); // the session has ended: the request is anonymous
        }
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            presented = formField(context);
        }
        if (Secrets.same(expected.get(), presented)) {
            return Optional.empty();
        }
        throw CurrentActor.forbidden(presented == null
                ? "The request has no CSRF token: send the form from the portal's own page (or the X-CSRF-Token header)"
                : "The CSRF token does not match this session: reload the page and try again");
    }

    private static String formField(ResteasyReactiveContainerRequestContext context) {
        if (!(context.getServerRequestContext() instanceof ResteasyReactiveRequestContext rr)) {
            return null;
        }
        FormData form = rr.getFormData();
        FormValue value = form == null ? null : form.getFirst(FORM_FIELD);
        return value == null || value.isFileItem() ? null : value.getValue();
    }
}
