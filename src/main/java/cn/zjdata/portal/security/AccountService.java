package cn.zjdata.portal.security;

import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.publishing.AuditLog;
import cn.zjdata.portal.reference.Publisher;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Accounts and departments, managed by administrators in a browser session. */
@ApplicationScoped
public class AccountService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");

    private final Passwords passwords;
    private final SessionService sessions;
    private final AuditLog audit;
    private final ObjectMapper json;

    public AccountService(Passwords passwords, SessionService sessions, AuditLog audit, ObjectMapper json) {
        this.passwords = passwords;
        this.sessions = sessions;
        this.audit = audit;
        this.json = json;
    }

    /** An account as administrators see it: never the password hash. */
    public record AccountView(String username, String displayName, String role, Set<String> departments,
                              boolean enabled, Instant lockedUntil, Instant createdAt, Instant lastSignInAt, long version) {
        static AccountView of(Account a) {
            return new AccountView(a.username, a.displayName, a.role.code(), Set.copyOf(a.departments), a.enabled,
                    a.lockedUntil, a.createdAt, a.lastSignInAt, a.version);
        }
    }

    /** What an administrator sends to create or change an account; null fields are left as they are on update. */
    public record AccountChange(String username, String displayName, String role, Set<String> departments,
                                Boolean enabled, String password, Long expectedVersion) {
    }

    public record DepartmentView(String id, String nameZh, String nameEn, boolean reviewRequired, long members) {
    }

    public List<AccountView> list(Actor admin) {
        requireAdmin(admin);
        return QuarkusTransaction.joiningExisting().call(() -> Account.<Account>listAll().stream()
                .sorted(Comparator.comparing(a -> a.username)).map(AccountView::of).toList());
    }

    public AccountView show(Actor admin, String username) {
        requireAdmin(admin);
        return QuarkusTransaction.joiningExisting().call(() -> AccountView.of(find(username)));
    }

    public AccountView create(Actor admin, AccountChange change) {
        requireAdmin(admin);
        List<FieldError> errors = new ArrayList<>();
        String username = change.username() == null ? "" : change.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            errors.add(FieldError.of("username", "3-64 characters: lower-case letters, digits and . _ @ -"));
        }
        if (change.displayName() == null || change.displayName().isBlank()) {
            errors.add(FieldError.of("displayName", "is required"));
        }
        Role role = Role.parse(change.role()).orElse(null);
        if (role == null) {
            errors.add(FieldError.of("role", "must be one of admin, publisher, reviewer"));
        }
        if (change.password() != null && !change.password().isEmpty()) {
            passwords.check("password", change.password(), username).ifPresent(errors::add);
        }
        Set<String> departments = change.departments() == null ? Set.of() : change.departments();
        if (role != null && role != Role.ADMIN && departments.isEmpty()) {
            errors.add(FieldError.of("departments", "a " + role.code() + " acts for at least one department"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The account is not valid", errors);
        }
        String hash = change.password() == null || change.password().isEmpty() ? null : passwords.hash(change.password());
        return QuarkusTransaction.requiringNew().call(() -> {
            checkDepartments(departments);
            if (Account.findByUsername(username).isPresent()) {
                throw ProblemException.conflict("An account named '" + username + "' already exists");
            }
            Account account = new Account();
            account.username = username;
            account.displayName = change.displayName().strip();
            account.role = role;
            account.passwordHash = hash;
            account.enabled = change.enabled() == null || change.enabled();
            account.createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            account.departments.addAll(departments);
            account.persist();
            AccountView view = AccountView.of(account);
            audit.record(admin.username(), "create-account", "account", username, "account created (" + role.code() + ")",
                    null, write(view));
            return view;
        });
    }

    public AccountView update(Actor admin, String username, AccountChange change) {
        requireAdmin(admin);
        List<FieldError> errors = new ArrayList<>();
        Role role = change.role() == null ? null : Role.parse(change.role()).orElse(null);
        if (change.role() != null && role == null) {
            errors.add(FieldError.of("role", "must be one of admin, publisher, reviewer"));
        }
        if (change.displayName() != null && change.displayName().isBlank()) {
            errors.add(FieldError.of("displayName", "must not be blank"));
        }
        if (change.password() != null) {
            passwords.check("password", change.password(), username).ifPresent(errors::add);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The account change is not valid", errors);
        }
        String hash = change.password() == null ? null : passwords.hash(change.password());
        return QuarkusTransaction.requiringNew().call(() -> {
            Account account = find(username);
            if (change.expectedVersion() != null && change.expectedVersion() != account.version) {
                throw ProblemException.conflict("Account '" + username + "' was changed by someone else; reload it and try again");
            }
            String before = write(AccountView.of(account));
            if (change.displayName() != null) {
                account.displayName = change.displayName().strip();
            }
            if (role != null) {
                account.role = role;
            }
            if (change.departments() != null) {
                checkDepartments(change.departments());
                account.departments.clear();
                account.departments.addAll(change.departments());
            }
            if (account.role != Role.ADMIN && account.departments.isEmpty()) {
                throw ProblemException.invalid("The account change is not valid",
                        List.of(FieldError.of("departments", "a " + account.role.code() + " acts for at least one department")));
            }
            if (account.username.equals(admin.username()) && (account.role != Role.ADMIN || Boolean.FALSE.equals(change.enabled()))) {
                throw ProblemException.invalid("The account change is not valid",
                        List.of(FieldError.of("role", "administrators cannot demote or disable themselves")));
            }
            if (change.enabled() != null) {
                account.enabled = change.enabled();
            }
            if (hash != null) {
                account.passwordHash = hash;
                account.failedSignIns = 0;
                account.lockedUntil = null;
            }
            if (hash != null || !account.enabled) {
                sessions.endAll(account.id);
            }
            Account.flush();
            AccountView after = AccountView.of(account);
            audit.record(admin.username(), "update-account", "account", username,
                    "account changed" + (hash != null ? " (password reset)" : ""), before, write(after));
            return after;
        });
    }

    public List<DepartmentView> departments(Actor actor) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Map<String, Long> members = new java.util.HashMap<>();
            for (Account a : Account.<Account>listAll()) {
                a.departments.forEach(d -> members.merge(d, 1L, Long::sum));
            }
            return Publisher.<Publisher>listAll().stream()
                    .filter(p -> actor.isAdmin() || actor.departments().contains(p.id))
                    .sorted(Comparator.comparing(p -> p.id))
                    .map(p -> new DepartmentView(p.id, p.nameZh, p.nameEn, DepartmentSetting.reviewRequired(p.id),
                            members.getOrDefault(p.id, 0L)))
                    .toList();
        });
    }

    public DepartmentView setReviewRequired(Actor admin, String department, boolean required) {
        requireAdmin(admin);
        QuarkusTransaction.requiringNew().run(() -> {
            if (Publisher.findById(department) == null) {
                throw ProblemException.notFound("department", department);
            }
            DepartmentSetting setting = DepartmentSetting.<DepartmentSetting>findByIdOptional(department).orElseGet(() -> {
                DepartmentSetting s = new DepartmentSetting();
                s.publisherId = department;
                return s;
            });
            boolean before = setting.reviewRequired;
            setting.reviewRequired = required;
            setting.persist();
            audit.record(admin.username(), "update-department", "department", department,
                    "review required: " + before + " → " + required, null, null);
        });
        return departments(admin).stream().filter(d -> d.id().equals(department)).findFirst().orElseThrow();
    }

    /**
     * Creates the first administrator from {@code PORTAL_ADMIN_USERNAME} / {@code PORTAL_ADMIN_PASSWORD} when no
     * account has that name; an existing account is never changed. Returns whether one was created.
     */
    public boolean bootstrap(String username, String password) {
        String name = username.strip();
        List<FieldError> errors = new ArrayList<>();
        if (!USERNAME.matcher(name).matches()) {
            errors.add(FieldError.of("PORTAL_ADMIN_USERNAME", "3-64 characters: lower-case letters, digits and . _ @ -"));
        }
        passwords.check("PORTAL_ADMIN_PASSWORD", password, name).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("The first administrator cannot be created: " + errors.stream()
                    .map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        }
        String hash = passwords.hash(password);
        return QuarkusTransaction.requiringNew().call(() -> {
            if (Account.findByUsername(name).isPresent()) {
                return false;
            }
            Account account = new Account();
            account.username = name;
            account.displayName = name;
            account.role = Role.ADMIN;
            account.passwordHash = hash;
            account.createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            account.persist();
            audit.record("system", "create-account", "account", name, "first administrator created from the environment", null, null);
            return true;
        });
    }

    private static Account find(String username) {
        return Account.findByUsername(username).orElseThrow(() -> ProblemException.notFound("account", username));
    }

    private static void checkDepartments(Set<String> departments) {
        Set<String> unknown = new TreeSet<>();
        for (String d : departments) {
            if (Publisher.findById(d) == null) {
                unknown.add(d);
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid("The account is not valid",
                    List.of(FieldError.of("departments", "no such department: " + String.join(", ", unknown))));
        }
    }

    static void requireAdmin(Actor actor) {
        if (actor.role() != Role.ADMIN || actor.via() != Actor.Via.SESSION) {
            throw CurrentActor.forbidden("Only an administrator, signed in with a browser session, may do this");
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
