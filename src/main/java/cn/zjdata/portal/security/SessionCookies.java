package cn.zjdata.portal.security;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

/** The session cookie: HttpOnly, SameSite=Lax, Secure when the portal is reached over TLS (configurable). */
@ApplicationScoped
public class SessionCookies {

    private final SecurityConfig config;

    public SessionCookies(SecurityConfig config) {
        this.config = config;
    }

    public NewCookie open(SessionService.Opened session, HttpServerRequest request) {
        return build(session.secret(), (int) session.maxAge().toSeconds(), request);
    }

    public NewCookie clear(HttpServerRequest request) {
        return build("", 0, request);
    }

    private NewCookie build(String value, int maxAge, HttpServerRequest request) {
        return new NewCookie.Builder(StaffAuthenticationMechanism.SESSION_COOKIE)
                .value(value)
                .path("/")
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(secure(request))
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    boolean secure(HttpServerRequest request) {
        return switch (config.secureCookies()) {
            case "always" -> true;
            case "never" -> false;
            default -> request.isSSL() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
        };
    }
}
