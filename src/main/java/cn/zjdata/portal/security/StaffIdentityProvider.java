package cn.zjdata.portal.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a presented session or token secret into the identity of its account, or fails. */
@ApplicationScoped
public class StaffIdentityProvider implements IdentityProvider<StaffCredentials> {

    /** The identity attribute holding the {@link Actor}. */
    static final String ACTOR = "portal.actor";

    private final SessionService sessions;
    private final TokenService tokens;

    public StaffIdentityProvider(SessionService sessions, TokenService tokens) {
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @Override
    public Class<StaffCredentials> getRequestType() {
        return StaffCredentials.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(StaffCredentials credentials, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            Actor actor = QuarkusTransaction.joiningExisting().call(() -> switch (credentials.kind) {
                case SESSION -> sessions.resume(credentials.secret);
                case TOKEN -> tokens.authenticate(credentials.secret);
            }).orElseThrow(() -> new AuthenticationFailedException(credentials.kind == StaffCredentials.Kind.TOKEN
                    ? "The API token is unknown, expired or revoked" : "The session has ended"));
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(actor.username()))
                    .addRole(actor.role().code())
                    .addAttribute(ACTOR, actor)
                    .build();
        });
    }
}
