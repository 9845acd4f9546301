package cn.zjdata.portal.security;

import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.publishing.AuditLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Personal API tokens: created by their owner in a browser session, shown once, revocable, expiring. */
@ApplicationScoped
public class TokenService {

    static final String PREFIX = "zjp_";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(5);

    private final SecurityConfig config;
    private final AuditLog audit;

    public TokenService(SecurityConfig config, AuditLog audit) {
        this.config = config;
        this.audit = audit;
    }

    /** A token as its owner sees it in lists: never the secret. */
    public record TokenView(long id, String name, String prefix, Set<String> departments, Instant createdAt,
                            Instant expiresAt, Instant revokedAt, Instant lastUsedAt, boolean active) {
        static TokenView of(ApiToken t, Instant now) {
            return new TokenView(t.id, t.name, t.prefix, Set.copyOf(t.departments), t.createdAt, t.expiresAt,
                    t.revokedAt, t.lastUsedAt, t.usableAt(now));
        }
    }

    /** A token just created: the secret, shown this once. */
    public record CreatedToken(String token, TokenView details) {
    }

    /**
     * @param departments the departments the token may act for: a subset of the owner's (all of them when
     *                    empty); an administrator's token may name any, and must name at least one
     * @param lifetime    null for the default lifetime
     */
    public CreatedToken create(Actor owner, String name, Set<String> departments, Duration lifetime) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            errors.add(FieldError.of("name", "is required (at most 100 characters) to tell tokens apart"));
        }
        Duration life = lifetime == null ? config.tokenDefaultLifetime() : lifetime;
        if (life.isNegative() || life.isZero() || life.compareTo(config.tokenMaxLifetime()) > 0) {
            errors.add(FieldError.of("expiresInDays", "must be between 1 and " + config.tokenMaxLifetime().toDays() + " days"));
        }
        Set<String> scope = new TreeSet<>(departments == null || departments.isEmpty() ? owner.departments() : departments);
        if (!owner.isAdmin()) {
            for (String d : scope) {
                if (!owner.departments().contains(d)) {
                    errors.add(FieldError.of("departments", "you do not act for department '" + d + "'"));
                }
            }
        }
        if (scope.isEmpty()) {
            errors.add(FieldError.of("departments", "name at least one department the token may act for"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The token request is not valid", errors);
        }
        String secret = PREFIX + Secrets.random();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return QuarkusTransaction.requiringNew().call(() -> {
            for (String d : scope) {
                if (cn.zjdata.portal.reference.Publisher.findById(d) == null) {
                    throw ProblemException.invalid("The token request is not valid",
                            List.of(FieldError.of("departments", "no department '" + d + "'")));
                }
            }
            ApiToken token = new ApiToken();
            token.accountId = owner.accountId();
            token.name = name.strip();
            token.tokenSha256 = Secrets.sha256(secret);
            token.prefix = secret.substring(0, PREFIX.length() + 6);
            token.createdAt = now;
            token.expiresAt = now.plus(life);
            token.departments.addAll(scope);
            token.persist();
            audit.record(owner.username(), "create-token", "token", String.valueOf(token.id),
                    "token '" + token.name + "' for " + scope + " until " + token.expiresAt, null, null);
            return new CreatedToken(secret, TokenView.of(token, now));
        });
    }

    public List<TokenView> list(Actor owner) {
        Instant now = Instant.now();
        return QuarkusTransaction.joiningExisting().call(() -> ApiToken.<ApiToken>list("accountId = ?1 order by createdAt desc", owner.accountId())
                .stream().map(t -> TokenView.of(t, now)).toList());
    }

    public void revoke(Actor owner, long id) {
        QuarkusTransaction.requiringNew().run(() -> {
            ApiToken token = ApiToken.<ApiToken>findByIdOptional(id)
                    .filter(t -> t.accountId == owner.accountId() || owner.isAdmin())
                    .orElseThrow(() -> ProblemException.notFound("token", String.valueOf(id)));
            if (token.revokedAt == null) {
                token.revokedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                audit.record(owner.username(), "revoke-token", "token", String.valueOf(id), "token '" + token.name + "' revoked", null, null);
            }
        });
    }

    /** The actor a token stands for, or empty when it is unknown, expired or revoked. Needs a transaction. */
    Optional<Actor> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        ApiToken token = ApiToken.find("tokenSha256", Secrets.sha256(secret)).<ApiToken>firstResultOptional().orElse(null);
        if (token == null || !token.usableAt(now)) {
            return Optional.empty();
        }
        Account account = Account.findById(token.accountId);
        if (account == null || !account.enabled) {
            return Optional.empty();
        }
        if (token.lastUsedAt == null || Duration.between(token.lastUsedAt, now).compareTo(TOUCH_EVERY) > 0) {
            token.lastUsedAt = now.truncatedTo(ChronoUnit.SECONDS);
        }
        Set<String> scope = new TreeSet<>(token.departments);
        if (account.role != Role.ADMIN) {
            scope.retainAll(account.departments); // a department taken from the owner leaves the token too
        }
        return Optional.of(new Actor(account.id, account.username, account.role, scope, Actor.Via.TOKEN, null));
    }
}
