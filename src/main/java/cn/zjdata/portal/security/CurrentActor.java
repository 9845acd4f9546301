package cn.zjdata.portal.security;

import cn.zjdata.portal.common.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

import java.util.List;
import java.util.Optional;

/** The staff member behind the current request, if any. */
@RequestScoped
public class CurrentActor {

    private final SecurityIdentity identity;

    public CurrentActor(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Optional<Actor> get() {
        return identity.isAnonymous() ? Optional.empty() : Optional.ofNullable(identity.getAttribute(StaffIdentityProvider.ACTOR));
    }

    /** The actor, or a 401 problem. */
    public Actor require() {
        return get().orElseThrow(CurrentActor::unauthorized);
    }

    /** The actor signed in with a browser session (account and token management need one), or 401/403. */
    public Actor requireSession() {
        Actor actor = require();
        if (actor.via() != Actor.Via.SESSION) {
            throw forbidden("API tokens cannot manage accounts or tokens; sign in with a browser session");
        }
        return actor;
    }

    public static ProblemException unauthorized() {
        return new ProblemException(401, "/problems/unauthorized", "Sign-in required",
                "Sign in, or send a valid API token as 'Authorization: Bearer <token>'", List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "/problems/forbidden", "Forbidden", detail, List.of());
    }
}
