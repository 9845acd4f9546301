package cn.zjdata.portal.security;

import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.publishing.AuditLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in with username and password, the sessions it opens, and the lockout that slows guessing: after
 * {@code lockout-threshold} failures in a row the account is locked for {@code lockout-duration}, doubled
 * for each further failure (up to a day). A locked account answers like a wrong password, with when to retry.
 */
@ApplicationScoped
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class);
    private static final Duration MAX_LOCK = Duration.ofDays(1);
    /** A session's last-seen time is written at most this often. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Passwords passwords;
    private final SecurityConfig config;
    private final AuditLog audit;

    public SessionService(Passwords passwords, SecurityConfig config, AuditLog audit) {
        this.passwords = passwords;
        this.config = config;
        this.audit = audit;
    }

    /** A session just opened: the cookie secret (kept by the browser only) and the CSRF token. */
    public record Opened(String secret, String csrfToken, Actor actor, Duration maxAge) {
    }

    public Opened signIn(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw ProblemException.invalid("Enter a username and a password",
                    List.of(FieldError.of(username == null || username.isBlank() ? "username" : "password", "is required")));
        }
        Instant now = Instant.now();
        // The hash check runs outside the transaction: it is slow on purpose and needs no lock.
        Optional<Account> found = QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(username.strip()));
        Account snapshot = found.orElse(null);
        if (snapshot != null && snapshot.lockedUntil != null && now.isBefore(snapshot.lockedUntil)) {
            throw locked(snapshot.lockedUntil);
        }
        boolean ok = passwords.matches(password, snapshot == null ? null : snapshot.passwordHash)
                && snapshot != null && snapshot.enabled && snapshot.passwordHash != null;
        if (!ok) {
            if (snapshot != null) {
                recordFailure(snapshot.id, now);
            }
            throw new ProblemException(401, "/problems/sign-in-failed", "Sign-in failed",
                    "The username or password is wrong, or the account is disabled", List.of());
        }
        return QuarkusTransaction.requiringNew().call(() -> open(Account.findById(snapshot.id), now, "password"));
    }

    /** Opens a session for an account already authenticated elsewhere (OpenID Connect). */
    public Opened signInVerified(String username, String method) {
        Instant now = Instant.now();
        return QuarkusTransaction.requiringNew().call(() -> {
            Account account = Account.findByUsername(username).filter(a -> a.enabled).orElseThrow(() ->
                    CurrentActor.forbidden("No enabled portal account is named '" + username + "'; ask an administrator to create it"));
            return open(account, now, method);
        });
    }

    private Opened open(Account account, Instant now, String method) {
        account.failedSignIns = 0;
        account.lockedUntil = null;
        account.lastSignInAt = now.truncatedTo(ChronoUnit.SECONDS);
        String secret = Secrets.random();
        StaffSession session = new StaffSession();
        session.idSha256 = Secrets.sha256(secret);
        session.accountId = account.id;
        session.csrfToken = Secrets.random();
        session.createdAt = now;
        session.lastSeenAt = now;
        session.expiresAt = expiry(now, now);
        session.persist();
        audit.record(account.username, "sign-in", "account", account.username, "signed in (" + method + ")", null, null);
        return new Opened(secret, session.csrfToken, actorOf(account, session.idSha256), config.sessionMaxAge());
    }

    private void recordFailure(long accountId, Instant now) {
        QuarkusTransaction.requiringNew().run(() -> {
            Account account = Account.findById(accountId);
            account.failedSignIns++;
            int over = account.failedSignIns - config.lockoutThreshold();
            if (over >= 0) {
                Duration lock = config.lockoutDuration().multipliedBy(1L << Math.min(over, 16));
                account.lockedUntil = now.plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock).truncatedTo(ChronoUnit.SECONDS);
                audit.record(account.username, "lock", "account", account.username,
                        account.failedSignIns + " failed sign-ins in a row; locked until " + account.lockedUntil, null, null);
                LOG.warnf("Account %s locked after %d failed sign-ins", account.username, account.failedSignIns);
            }
        });
    }

    private static ProblemException locked(Instant until) {
        return new ProblemException(429, "/problems/account-locked", "Too many failed sign-ins",
                "The account is locked after repeated failed sign-ins; try again after " + until, List.of());
    }

    /** The actor of a live session (sliding its idle expiry), or empty when it ended. Needs a transaction. */
    Optional<Actor> resume(String secret) {
        Instant now = Instant.now();
        StaffSession session = StaffSession.findById(Secrets.sha256(secret));
        if (session == null || !now.isBefore(session.expiresAt)) {
            return Optional.empty();
        }
        Account account = Account.findById(session.accountId);
        if (account == null || !account.enabled) {
            return Optional.empty();
        }
        if (Duration.between(session.lastSeenAt, now).compareTo(TOUCH_EVERY) > 0) {
            session.lastSeenAt = now;
            session.expiresAt = expiry(session.createdAt, now);
        }
        return Optional.of(actorOf(account, session.idSha256));
    }

    /** The CSRF token of a session, if it is still open. */
    public Optional<String> csrfToken(String sessionSha256) {
        return QuarkusTransaction.joiningExisting().call(() ->
                StaffSession.<StaffSession>findByIdOptional(sessionSha256).map(s -> s.csrfToken));
    }

    public void signOut(Actor actor) {
        if (actor.sessionSha256() != null) {
            QuarkusTransaction.requiringNew().run(() -> {
                StaffSession.deleteById(actor.sessionSha256());
                audit.record(actor.username(), "sign-out", "account", actor.username(), "signed out", null, null);
            });
        }
    }

    /** Ends every session of an account (disabled, password reset). Runs in the caller's transaction. */
    void endAll(long accountId) {
        StaffSession.delete("accountId", accountId);
    }

    private Instant expiry(Instant created, Instant now) {
        Instant idle = now.plus(config.sessionIdleTimeout());
        Instant max = created.plus(config.sessionMaxAge());
        return idle.isBefore(max) ? idle : max;
    }

    static Actor actorOf(Account account, String sessionSha256) {
        return new Actor(account.id, account.username, account.role, account.departments, Actor.Via.SESSION, sessionSha256);
    }
}
