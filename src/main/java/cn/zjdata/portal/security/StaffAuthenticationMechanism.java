package cn.zjdata.portal.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Reads who a request comes from: an {@code Authorization: Bearer} API token (a bad, expired or revoked
 * one fails the request with 401) or the staff session cookie (a stale one is ignored: the request is
 * anonymous, so an old cookie never breaks the public pages). Requests with neither are anonymous.
 */
@ApplicationScoped
public class StaffAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String SESSION_COOKIE = "portal_session";
    private static final String BEARER = "Bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).strip();
            return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                    new StaffCredentials(StaffCredentials.Kind.TOKEN, token), context));
        }
        Cookie session = context.request().getCookie(SESSION_COOKIE);
        if (session != null && !session.getValue().isBlank()) {
            return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                            new StaffCredentials(StaffCredentials.Kind.SESSION, session.getValue()), context))
                    .onFailure(AuthenticationFailedException.class).recoverWithNull();
        }
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"portal\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(StaffCredentials.class);
    }
}
