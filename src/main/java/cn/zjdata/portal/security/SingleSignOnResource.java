package cn.zjdata.portal.security;

import cn.zjdata.portal.common.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URI;
import java.util.List;

/**
 * Sign-in through OpenID Connect (a provincial single sign-on), when configured: the identity provider
 * authenticates the browser at {@code /staff/sso} (Quarkus OIDC's authorization-code flow guards only this
 * path), then the portal opens its own session for the account whose username is the configured claim.
 * There is no automatic account creation: an administrator creates the account first.
 */
@Path("/staff/sso")
public class SingleSignOnResource {

    private final SecurityIdentity identity;
    private final SessionService sessions;
    private final SessionCookies cookies;
    private final boolean enabled;
    private final String usernameClaim;

    public SingleSignOnResource(SecurityIdentity identity, SessionService sessions, SessionCookies cookies,
                                @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean enabled,
                                @ConfigProperty(name = "portal.security.oidc-username-claim", defaultValue = "preferred_username") String usernameClaim) {
        this.identity = identity;
        this.sessions = sessions;
        this.cookies = cookies;
        this.enabled = enabled;
        this.usernameClaim = usernameClaim;
    }

    @GET
    public Response signIn(HttpServerRequest request) {
        if (!enabled) {
            throw new ProblemException(404, "/problems/not-found", "Not found",
                    "Single sign-on is not configured on this portal; sign in with a username and password", List.of());
        }
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw CurrentActor.unauthorized();
        }
        Object claim = token.getClaim(usernameClaim);
        if (claim == null || claim.toString().isBlank()) {
            throw CurrentActor.forbidden("The identity provider sent no '" + usernameClaim + "' claim to match a portal account");
        }
        SessionService.Opened opened = sessions.signInVerified(claim.toString().strip(), "openid-connect");
        return Response.seeOther(URI.create("/staff")).cookie(cookies.open(opened, request)).build();
    }
}
