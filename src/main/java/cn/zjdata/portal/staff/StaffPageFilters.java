package cn.zjdata.portal.staff;

import cn.zjdata.portal.security.CurrentActor;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every staff page ({@code /staff…}) shares: a reader who is not signed in is sent to the sign-in form
 * (303, with the page to come back to), and no answer is stored by a browser or proxy or indexed.
 */
public class StaffPageFilters {

    /** The pages open without a session. */
    private static final Set<String> OPEN = Set.of("/staff/sign-in", "/staff/sign-out", "/staff/sso");
    private static final Pattern DATASET_PAGE = Pattern.compile("(/staff/datasets/[^/]+)(/.*)?");

    private final CurrentActor current;

    public StaffPageFilters(CurrentActor current) {
        this.current = current;
    }

    static boolean isStaffPage(String path) {
        return path.equals("/staff") || path.startsWith("/staff/");
    }

    @ServerRequestFilter
    public Optional<Response> requireSignIn(ContainerRequestContext context, HttpServerRequest request) {
        String path = request.path();
        if (!isStaffPage(path) || OPEN.contains(path) || current.get().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(Response.seeOther(URI.create("/staff/sign-in?next="
                + URLEncoder.encode(comeBackTo(request.method().name(), path, request.query()), StandardCharsets.UTF_8))).build());
    }

    /**
     * The page to open after signing in: the page asked for, or for a form sent after the session ended, the
     * page the form was on (the dataset's page) since a form's action cannot be opened.
     */
    static String comeBackTo(String method, String path, String query) {
        if (method.equals("GET") || method.equals("HEAD")) {
            return query == null || query.isEmpty() ? path : path + "?" + query;
        }
        Matcher dataset = DATASET_PAGE.matcher(path);
        if (dataset.matches()) {
            return dataset.group(1);
        }
        Matcher admin = ADMIN_PAGE.matcher(path);
        if (admin.matches()) {
            return admin.group(2).equals("departments") ? "/staff/accounts" : admin.group(1);
        }
        return path.equals("/staff/datasets/new") ? path : "/staff";
    }

    /** The administration page a form was sent from: /staff/tokens/5/revocation came from /staff/tokens. */
    private static final java.util.regex.Pattern ADMIN_PAGE =
            java.util.regex.Pattern.compile("(/staff/(tokens|reviews|accounts|departments))(/.*)?");

    /** Staff pages hold what only the signed-in member may see, and a CSRF token: never stored, never indexed. */
    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        if (isStaffPage(request.getUriInfo().getRequestUri().getPath())) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
            response.getHeaders().putSingle("X-Robots-Tag", "noindex");
        }
    }
}
