package cn.zjdata.portal.security;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Set;

/** Signing in and out for scripts of the staff pages (the pages have their own form at /staff/sign-in). */
@Path("/api/staff/session")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Staff: session")
@CsrfChecked
public class SessionResource {

    private final SessionService sessions;
    private final SessionCookies cookies;
    private final CurrentActor current;

    public SessionResource(SessionService sessions, SessionCookies cookies, CurrentActor current) {
        this.sessions = sessions;
        this.cookies = cookies;
        this.current = current;
    }

    public record SignIn(String username, String password) {
    }

    /** Who is signed in, and the CSRF token their scripts must send as X-CSRF-Token. */
    public record Who(String username, String role, Set<String> departments, String via, String csrfToken) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(SignIn body, HttpServerRequest request) {
        SignIn in = body == null ? new SignIn(null, null) : body;
        SessionService.Opened opened = sessions.signIn(in.username(), in.password());
        Actor a = opened.actor();
        return Response.ok(new Who(a.username(), a.role().code(), a.departments(), "session", opened.csrfToken()))
                .cookie(cookies.open(opened, request)).header("Cache-Control", "no-store").build();
    }

    @GET
    public Response show() {
        Actor a = current.require();
        String csrf = a.sessionSha256() == null ? null : sessions.csrfToken(a.sessionSha256()).orElse(null);
        return Response.ok(new Who(a.username(), a.role().code(), a.departments(), a.via().name().toLowerCase(), csrf))
                .header("Cache-Control", "no-store").build();
    }

    @DELETE
    public Response signOut(HttpServerRequest request) {
        current.get().ifPresent(sessions::signOut);
        return Response.noContent().cookie(cookies.clear(request)).build();
    }
}
