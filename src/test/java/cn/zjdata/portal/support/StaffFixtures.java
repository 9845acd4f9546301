package cn.zjdata.portal.support;

import cn.zjdata.portal.security.AccountService;
import cn.zjdata.portal.security.Actor;
import cn.zjdata.portal.security.Role;
import cn.zjdata.portal.security.SessionService;
import cn.zjdata.portal.security.TokenService;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * Staff accounts for tests: created through the account service as a built-in administrator, signed in
 * through the real session service. Each call makes a fresh account, so tests never share one.
 */
@ApplicationScoped
public class StaffFixtures {

    public static final String PASSWORD = "Synthetic-test-passw0rd";
    /** An administrator session that exists only inside tests, to call the admin-only services directly. */
    private static final Actor SYSTEM_ADMIN = new Actor(0, "test-admin", Role.ADMIN, Set.of(), Actor.Via.SESSION, null);

    private final AccountService accounts;
    private final SessionService sessions;
    private final TokenService tokens;
    private final SyntheticDatasets synthetic;

    public StaffFixtures(AccountService accounts, SessionService sessions, TokenService tokens, SyntheticDatasets synthetic) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.tokens = tokens;
        this.synthetic = synthetic;
    }

    /** A signed-in member of staff: the session cookie and CSRF token a browser would hold. */
    public record Signed(String username, String sessionCookie, String csrfToken, Actor actor) {
        /** A RestAssured request carrying the session cookie and the CSRF header. */
        public RequestSpecification request() {
            return RestAssured.given().cookie("portal_session", sessionCookie).header("X-CSRF-Token", csrfToken);
        }

        /** The same session without the CSRF header (a forged cross-site request). */
        public RequestSpecification withoutCsrf() {
            return RestAssured.given().cookie("portal_session", sessionCookie);
        }
    }

    /** Creates an account with the role and departments given, with the fixture password. */
    public String account(Role role, String... departments) {
        synthetic.ensurePublisher();
        String username = role.code() + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(SYSTEM_ADMIN, new AccountService.AccountChange(username, "Test " + username, role.code(),
                Set.of(departments), true, PASSWORD, null));
        return username;
    }

    public Signed signIn(String username) {
        SessionService.Opened opened = sessions.signIn(username, PASSWORD);
        return new Signed(username, opened.secret(), opened.csrfToken(), opened.actor());
    }

    /** A new account, signed in. */
    public Signed signedIn(Role role, String... departments) {
        return signIn(account(role, departments));
    }

    /** A personal API token of a signed-in member, for the departments given (all of theirs when none). */
    public String token(Signed owner, Duration lifetime, String... departments) {
        return tokens.create(owner.actor(), "test token", Set.of(departments), lifetime).token();
    }

    public static RequestSpecification withToken(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token);
    }
}
