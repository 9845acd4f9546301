package cn.zjdata.portal.staff;

import cn.zjdata.portal.catalog.Dataset;
import cn.zjdata.portal.catalog.DatasetRepository;
import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.security.AccountService;
import cn.zjdata.portal.security.TokenService;
import cn.zjdata.portal.tabular.TableDiff;
import cn.zjdata.portal.web.IndicatorCards.Text;

import cn.zjdata.portal.web.Ui;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.RequestScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The view models of the administration pages, built from what the services answer. */
@RequestScoped
public class AdminViews {

    /** The actions the portal writes to the audit log, in the order the filter offers them. */
    static final List<String> AUDIT_ACTIONS = List.of("publish", "withdraw", "create", "edit-metadata", "upload", "submit",
            "approve", "reject", "sign-in", "lock", "create-account", "update-account", "create-token", "revoke-token",
            "update-department", "sign-out");
    static final List<String> ROLES = List.of("publisher", "reviewer", "admin");

    /** A choice in a form: a checkbox or an option. */
    public record Choice(String value, Text label, boolean selected) {
    }

    public record Notice(String text, boolean error) {
    }

    public record TokenRow(long id, String name, String prefix, List<String> departments, Instant createdAt,
                           Instant expiresAt, Instant lastUsedAt, String state) {
    }

    public record TokenForm(String name, List<Choice> departments, String expiresInDays, String maxDays, FormErrors errors) {
    }

    /** A token just made: its secret, shown on this one answer only, and how to use it. */
    public record NewToken(String secret, String name, Instant expiresAt, String curl) {
    }

    public record AccountRow(String username, String displayName, String role, List<String> departments, boolean enabled,
                             Instant lockedUntil, Instant lastSignInAt) {
    }

    public record AccountForm(String username, String displayName, List<Choice> roles, List<Choice> departments,
                              boolean enabled, Long version, FormErrors errors) {
    }

    public record DepartmentRow(String id, Text name, boolean reviewRequired, long members) {
    }

    public record AuditForm(String actor, List<Choice> actions, String target, String from, String to, FormErrors errors) {
    }

    public record AuditRow(long id, Instant occurredAt, String actor, String action, String targetType, String targetId,
                           String summary, String before, String after) {
    }

    public record Pager(int page, int totalPages, String count, String position, String previous, String next) {
    }

    public record ReviewItem(String upload, String dataset, Text title, boolean live, String submittedBy,
                             Instant submittedAt, String changeNote, long rows, String fileName, TableDiff diff,
                             String diffSummary, boolean schemaChanged, boolean own, String reason, String reasonError) {
    }

    private final AdminPageContext context;
    private final DatasetRepository datasets;
    private final ObjectMapper json;

    public AdminViews(AdminPageContext context, DatasetRepository datasets, ObjectMapper json) {
        this.context = context;
        this.datasets = datasets;
        this.json = json;
    }

    public List<TokenRow> tokens(List<TokenService.TokenView> views) {
        return views.stream().map(t -> new TokenRow(t.id(), t.name(), t.prefix(), List.copyOf(t.departments()),
                seconds(t.createdAt()), seconds(t.expiresAt()), seconds(t.lastUsedAt()),
                t.revokedAt() != null ? "revoked" : t.active() ? "active" : "expired")).toList();
    }

    /** The departments as checkboxes, those given checked. */
    public List<Choice> departments(List<AccountService.DepartmentView> all, Collection<String> checked) {
        return all.stream().map(d -> new Choice(d.id(), name(d), checked.contains(d.id()))).toList();
    }

    public List<Choice> roles(String selected) {
        return ROLES.stream().map(r -> new Choice(r, plain(context.roleLabel(r)), r.equals(selected))).toList();
    }

    public List<Choice> actions(String selected) {
        AdminMessages m = context.messages();
        return AUDIT_ACTIONS.stream().map(a -> new Choice(a, plain(actionLabel(m, a) + " (" + a + ")"), a.equals(selected))).toList();
    }

    public List<AccountRow> accounts(List<AccountService.AccountView> views) {
        Instant now = Instant.now();
        return views.stream().map(a -> new AccountRow(a.username(), a.displayName(), context.roleLabel(a.role()),
                a.departments().stream().sorted().toList(), a.enabled(),
                a.lockedUntil() != null && a.lockedUntil().isAfter(now) ? seconds(a.lockedUntil()) : null,
                seconds(a.lastSignInAt()))).toList();
    }

    public AccountForm accountForm(AccountService.AccountView a, List<AccountService.DepartmentView> departments) {
        return new AccountForm(a.username(), a.displayName(), roles(a.role()), departments(departments, a.departments()),
                a.enabled(), a.version(), FormErrors.NONE);
    }

    public List<DepartmentRow> departmentRows(List<AccountService.DepartmentView> views) {
        return views.stream().map(d -> new DepartmentRow(d.id(), name(d), d.reviewRequired(), d.members())).toList();
    }

    public List<AuditRow> audit(List<StaffViews.AuditView> views) {
        return views.stream().map(e -> new AuditRow(e.id(), seconds(e.occurredAt()), e.actor(), e.action(), e.targetType(),
                e.targetId(), e.summary(), pretty(e.before()), pretty(e.after()))).toList();
    }

    public List<ReviewItem> reviews(List<StaffViews.UploadView> queue, String actor,
                                    String failedUpload, String reason, String reasonError) {
        Map<String, Dataset> bySlug = QuarkusTransaction.joiningExisting().call(() -> queue.stream()
                .map(StaffViews.UploadView::dataset).distinct()
                .flatMap(slug -> datasets.findBySlug(slug).stream())
                .collect(Collectors.toMap(d -> d.slug, Function.identity())));
        return queue.stream().map(u -> {
            Dataset d = bySlug.get(u.dataset());
            Text title = d == null ? plain(u.dataset()) : Text.of(LocalizedText.of(d.titleZh, d.titleEn), context.lang());
            boolean failed = u.id().equals(failedUpload);
            return new ReviewItem(u.id(), u.dataset(), title, u.baseRelease() != null, u.submittedBy(), seconds(u.submittedAt()),
                    u.changeNote(), u.rows(), u.fileName(), u.diff(), diffSummary(u.diff()), u.schemaChanged(),
                    u.submittedBy() != null && u.submittedBy().equals(actor),
                    failed ? reason : null, failed ? reasonError : null);
        }).toList();
    }

    public Pager pager(int page, int totalPages, long totalItems, String previous, String next) {
        AdminMessages m = context.messages();
        return new Pager(page, totalPages, m.audit_results(String.valueOf(totalItems)),
                m.page_of(String.valueOf(page), String.valueOf(totalPages)), previous, next);
    }

    private String diffSummary(TableDiff diff) {
        return diff == null ? null : context.messages().reviews_diff(String.valueOf(diff.rowsAdded()),
                String.valueOf(diff.rowsRemoved()), String.valueOf(diff.rowsChanged()), String.valueOf(diff.rowsUnchanged()));
    }

    public static Set<String> set(List<String> values) {
        return values == null ? Set.of() : values.stream().filter(v -> v != null && !v.isBlank())
                .map(String::strip).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Whole seconds: a {@code <time datetime>} takes at most three digits of a fraction, and nobody needs them. */
    private static Instant seconds(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private Text name(AccountService.DepartmentView d) {
        return Text.of(LocalizedText.of(d.nameZh(), d.nameEn()), context.lang());
    }

    private Text plain(String text) {
        return new Text(text, Ui.htmlLang(context.lang()));
    }

    private String pretty(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    static String actionLabel(AdminMessages m, String action) {
        return switch (action) {
            case "publish" -> m.action_publish();
            case "withdraw" -> m.action_withdraw();
            case "create" -> m.action_create();
            case "edit-metadata" -> m.action_edit_metadata();
            case "upload" -> m.action_upload();
            case "submit" -> m.action_submit();
            case "approve" -> m.action_approve();
            case "reject" -> m.action_reject();
            case "sign-in" -> m.action_sign_in();
            case "lock" -> m.action_lock();
            case "create-account" -> m.action_create_account();
            case "update-account" -> m.action_update_account();
            case "create-token" -> m.action_create_token();
            case "revoke-token" -> m.action_revoke_token();
            case "update-department" -> m.action_update_department();
            case "sign-out" -> m.action_sign_out();
            default -> action;
        };
    }
}
