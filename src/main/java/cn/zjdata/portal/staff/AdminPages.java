package cn.zjdata.portal.staff;

import cn.zjdata.portal.common.ApiConfig;
import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.Page;
import cn.zjdata.portal.common.PageRequest;
import cn.zjdata.portal.common.PortalUris;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.security.AccountService;
import cn.zjdata.portal.security.Actor;
import cn.zjdata.portal.security.CurrentActor;
import cn.zjdata.portal.security.Role;
import cn.zjdata.portal.security.SecurityConfig;
import cn.zjdata.portal.security.TokenService;
import cn.zjdata.portal.staff.AdminPageContext.Who;
import cn.zjdata.portal.staff.AdminViews.AccountForm;
import cn.zjdata.portal.staff.AdminViews.AccountRow;
import cn.zjdata.portal.staff.AdminViews.AuditForm;
import cn.zjdata.portal.staff.AdminViews.AuditRow;
import cn.zjdata.portal.staff.AdminViews.DepartmentRow;
import cn.zjdata.portal.staff.AdminViews.NewToken;
import cn.zjdata.portal.staff.AdminViews.Notice;
import cn.zjdata.portal.staff.AdminViews.Pager;
import cn.zjdata.portal.staff.AdminViews.ReviewItem;
import cn.zjdata.portal.staff.AdminViews.TokenForm;
import cn.zjdata.portal.staff.AdminViews.TokenRow;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The staff administration pages: one's own API tokens, accounts and departments (administrators), the
 * audit log (administrators) and the review queue (reviewers and administrators). Every page needs a browser
 * session; every form carries the session's CSRF token; a form with errors is shown again with each error
 * beside its field, and a form that changed something answers 303 back to its page with a notice.
 */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
public class AdminPages {

    static final String FORM = MediaType.APPLICATION_FORM_URLENCODED;
    static final int AUDIT_PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tokens(Who who, Notice notice, List<TokenRow> tokens, TokenForm form, NewToken created);

        static native TemplateInstance accounts(Who who, Notice notice, List<AccountRow> accounts, AccountForm form,
                                                List<DepartmentRow> departments);

        static native TemplateInstance account(Who who, Notice notice, AccountForm form);

        static native TemplateInstance audit(Who who, AuditForm filter, List<AuditRow> entries, Pager pager);

        static native TemplateInstance reviews(Who who, Notice notice, List<ReviewItem> items);
    }

    private final AdminPageContext context;
    private final AdminViews views;
    private final TokenService tokens;
    private final AccountService accounts;
    private final AuditService audit;
    private final StaffService staff;
    private final SecurityConfig security;
    private final ApiConfig api;
    private final PortalUris uris;

    public AdminPages(AdminPageContext context, AdminViews views, TokenService tokens, AccountService accounts,
                      AuditService audit, StaffService staff, SecurityConfig security, ApiConfig api, PortalUris uris) {
        this.context = context;
        this.views = views;
        this.tokens = tokens;
        this.accounts = accounts;
        this.audit = audit;
        this.staff = staff;
        this.security = security;
        this.api = api;
        this.uris = uris;
    }

    // --- API tokens ----------------------------------------------------------------------------------

    @GET
    @Path("tokens")
    @Operation(hidden = true)
    public Response tokens(@RestQuery String notice) {
        return context.page("/staff/tokens", actor -> tokensPage(actor, notice(notice, null, null),
                blankTokenForm(actor), null, 200));
    }

    @POST
    @Path("tokens")
    @Consumes(FORM)
    @Operation(hidden = true)
    public Response createToken(@RestForm String name, @RestForm List<String> departments, @RestForm String expiresInDays) {
        return context.page("/staff/tokens", actor -> {
            Set<String> scope = AdminViews.set(departments);
            TokenForm entered = new TokenForm(name, views.departments(accounts.departments(actor), scope), expiresInDays,
                    maxTokenDays(), FormErrors.NONE);
            try {
                Duration lifetime = lifetime(expiresInDays);
                TokenService.CreatedToken created = tokens.create(actor, name, scope, lifetime);
                NewToken shown = new NewToken(created.token(), created.details().name(), created.details().expiresAt(),
                        "curl -H \"Authorization: Bearer " + created.token() + "\" " + uris.resolve("api/staff/datasets"));
                return tokensPage(actor, null, blankTokenForm(actor), shown, 200);
            } catch (ProblemException e) {
                if (e.status() != 422) {
                    throw e;
                }
                return tokensPage(actor, null, withErrors(entered, e), null, 422);
            }
        });
    }

    @POST
    @Path("tokens/{id}/revocation")
    @Operation(hidden = true)
    public Response revokeToken(@PathParam("id") long id) {
        return context.page("/staff/tokens", actor -> {
            tokens.revoke(actor, id);
            return context.seeOther("/staff/tokens?notice=token-revoked");
        });
    }

    private Response tokensPage(Actor actor, Notice notice, TokenForm form, NewToken created, int status) {
        return context.html(Templates.tokens(context.who(actor), notice, views.tokens(tokens.list(actor)), form, created), status);
    }

    private TokenForm blankTokenForm(Actor actor) {
        return new TokenForm("", views.departments(accounts.departments(actor), Set.of()),
                String.valueOf(security.tokenDefaultLifetime().toDays()), maxTokenDays(), FormErrors.NONE);
    }

    private String maxTokenDays() {
        return String.valueOf(security.tokenMaxLifetime().toDays());
    }

    private static Duration lifetime(String days) {
        if (days == null || days.isBlank()) {
            return null;
        }
        if (!days.strip().matches("[0-9]{1,6}")) {
            throw ProblemException.invalid("The token request is not valid",
                    List.of(FieldError.of("expiresInDays", "must be a whole number of days")));
        }
        return Duration.ofDays(Long.parseLong(days.strip()));
    }

    private static TokenForm withErrors(TokenForm form, ProblemException e) {
        return new TokenForm(form.name(), form.departments(), form.expiresInDays(), form.maxDays(), FormErrors.of(e.errors()));
    }

    // --- accounts and departments (administrators) ---------------------------------------------------

    @GET
    @Path("accounts")
    @Operation(hidden = true)
    public Response accounts(@RestQuery String notice, @RestQuery String subject) {
        return context.page("/staff/accounts", actor -> accountsPage(actor, notice(notice, subject, null),
                new AccountForm("", "", views.roles("publisher"), views.departments(accounts.departments(actor), Set.of()),
                        true, null, FormErrors.NONE), 200));
    }

    @POST
    @Path("accounts")
    @Consumes(FORM)
    @Operation(hidden = true)
    public Response createAccount(@RestForm String username, @RestForm String displayName, @RestForm String role,
                                  @RestForm List<String> departments, @RestForm String password) {
        return context.page("/staff/accounts", actor -> {
            AdminPageContext.requireAdmin(actor);
            Set<String> chosen = AdminViews.set(departments);
            try {
                AccountService.AccountView created = accounts.create(actor, new AccountService.AccountChange(username,
                        displayName, role, chosen, true, blankToNull(password), null));
                return context.seeOther("/staff/accounts?notice=account-created&subject=" + AdminPageContext.encode(created.username()));
            } catch (ProblemException e) {
                if (e.status() != 422 && e.status() != 409) {
                    throw e;
                }
                List<FieldError> errors = e.status() == 409 ? List.of(FieldError.of("username", e.getMessage())) : e.errors();
                AccountForm entered = new AccountForm(username, displayName, views.roles(role),
                        views.departments(accounts.departments(actor), chosen), true, null, FormErrors.of(errors));
                return accountsPage(actor, null, entered, e.status());
            }
        });
    }

    @GET
    @Path("accounts/{username}")
    @Operation(hidden = true)
    public Response account(@PathParam("username") String username, @RestQuery String notice) {
        return context.page("/staff/accounts/" + AdminPageContext.encode(username), actor -> {
            AccountService.AccountView a = accounts.show(actor, username);
            return context.html(Templates.account(context.who(actor), notice(notice, username, null),
                    views.accountForm(a, accounts.departments(actor))), 200);
        });
    }

    @POST
    @Path("accounts/{username}")
    @Consumes(FORM)
    @Operation(hidden = true)
    public Response updateAccount(@PathParam("username") String username, @RestForm String displayName, @RestForm String role,
                                  @RestForm List<String> departments, @RestForm String enabled, @RestForm String password,
                                  @RestForm String expectedVersion) {
        String page = "/staff/accounts/" + AdminPageContext.encode(username);
        return context.page(page, actor -> {
            AdminPageContext.requireAdmin(actor);
            Set<String> chosen = AdminViews.set(departments);
            Long version = expectedVersion == null || !expectedVersion.strip().matches("[0-9]{1,18}") ? null
                    : Long.valueOf(expectedVersion.strip());
            try {
                accounts.update(actor, username, new AccountService.AccountChange(null, displayName, role, chosen,
                        enabled != null, blankToNull(password), version));
                return context.seeOther(page + "?notice=account-saved");
            } catch (ProblemException e) {
                if (e.status() == 409) {
                    // Someone else saved the account first: show what it is now, to make the change again on that.
                    AccountService.AccountView now = accounts.show(actor, username);
                    return context.html(Templates.account(context.who(actor), notice("account-stale", username, null),
                            views.accountForm(now, accounts.departments(actor))), 409);
                }
                if (e.status() != 422) {
                    throw e;
                }
                AccountForm entered = new AccountForm(username, displayName, views.roles(role),
                        views.departments(accounts.departments(actor), chosen), enabled != null, version, FormErrors.of(e.errors()));
                return context.html(Templates.account(context.who(actor), null, entered), 422);
            }
        });
    }

    @POST
    @Path("departments/{id}/review")
    @Consumes(FORM)
    @Operation(hidden = true)
    public Response setReviewRequired(@PathParam("id") String id, @RestForm String reviewRequired) {
        return context.page("/staff/accounts", actor -> {
            if (!"true".equals(reviewRequired) && !"false".equals(reviewRequired)) {
                throw ProblemException.badParameter("reviewRequired", "must be true or false");
            }
            accounts.setReviewRequired(actor, id, Boolean.parseBoolean(reviewRequired));
            return context.seeOther("/staff/accounts?notice=department-updated&subject=" + AdminPageContext.encode(id) + "#departments");
        });
    }

    private Response accountsPage(Actor actor, Notice notice, AccountForm form, int status) {
        List<AccountRow> rows = views.accounts(accounts.list(actor));
        return context.html(Templates.accounts(context.who(actor), notice, rows, form,
                views.departmentRows(accounts.departments(actor))), status);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    // --- the audit log (administrators) --------------------------------------------------------------

    @GET
    @Path("audit")
    @Operation(hidden = true)
    public Response audit(@RestQuery("actor") String who, @RestQuery String action, @RestQuery String target,
                          @RestQuery String from, @RestQuery String to, @RestQuery String page) {
        return context.page("/staff/audit", actor -> {
            AdminPageContext.requireAdmin(actor);
            String chosenAction = action == null || action.isBlank() ? null : action.strip();
            AuditForm filter = new AuditForm(trim(who), views.actions(chosenAction), trim(target), trim(from), trim(to), FormErrors.NONE);
            if (chosenAction != null && !AdminViews.AUDIT_ACTIONS.contains(chosenAction)) {
                return auditRefused(actor, filter, ProblemException.badParameter("action", "is not an action the audit log records"));
            }
            PageRequest request = PageRequest.parse(page, String.valueOf(AUDIT_PAGE_SIZE), api);
            Page<StaffViews.AuditView> found;
            try {
                found = audit.search(actor, new AuditService.AuditFilter(who, chosenAction, target, from, to), request);
            } catch (ProblemException e) {
                if (e.status() != 400) {
                    throw e;
                }
                return auditRefused(actor, filter, e);
            }
            String query = AuditLinks.query(filter.actor(), chosenAction, filter.target(), filter.from(), filter.to());
            Pager pager = views.pager(found.page(), found.totalPages(), found.totalItems(),
                    found.page() > 1 ? AuditLinks.page(query, found.page() - 1) : null,
                    found.page() < found.totalPages() ? AuditLinks.page(query, found.page() + 1) : null);
            return context.html(Templates.audit(context.who(actor), filter, views.audit(found.items()), pager), 200);
        });
    }

    private Response auditRefused(Actor actor, AuditForm filter, ProblemException e) {
        AuditForm shown = new AuditForm(filter.actor(), filter.actions(), filter.target(), filter.from(), filter.to(),
                FormErrors.of(e.errors()));
        return context.html(Templates.audit(context.who(actor), shown, List.of(), views.pager(1, 0, 0, null, null)), 400);
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    // --- the review queue (reviewers and administrators) ---------------------------------------------

    @GET
    @Path("reviews")
    @Operation(hidden = true)
    public Response reviews(@RestQuery String notice, @RestQuery String dataset, @RestQuery String release) {
        return context.page("/staff/reviews", actor -> reviewsPage(actor, notice(notice, dataset, release), null, null, null, 200));
    }

    @POST
    @Path("reviews/{upload}/approval")
    @Operation(hidden = true)
    public Response approve(@PathParam("upload") String upload) {
        return context.page("/staff/reviews", actor -> {
            requireReviewer(actor);
            StaffViews.ReleaseOutcome outcome = staff.approve(actor, upload);
            return context.seeOther("/staff/reviews?notice=approved&dataset=" + AdminPageContext.encode(outcome.dataset())
                    + "&release=" + outcome.release());
        });
    }

    @POST
    @Path("reviews/{upload}/rejection")
    @Consumes(FORM)
    @Operation(hidden = true)
    public Response reject(@PathParam("upload") String upload, @RestForm String reason) {
        return context.page("/staff/reviews", actor -> {
            requireReviewer(actor);
            String dataset = staff.reviews(actor).stream().filter(u -> u.id().equals(upload))
                    .map(StaffViews.UploadView::dataset).findFirst().orElse("");
            try {
                staff.reject(actor, upload, reason);
            } catch (ProblemException e) {
                if (e.status() != 422) {
                    throw e;
                }
                return reviewsPage(actor, null, upload, reason, new FormErrors(e.errors()).of("reason"), 422);
            }
            return context.seeOther("/staff/reviews?notice=rejected&dataset=" + AdminPageContext.encode(dataset));
        });
    }

    private Response reviewsPage(Actor actor, Notice notice, String failedUpload, String reason, String reasonError, int status) {
        requireReviewer(actor);
        List<ReviewItem> items = views.reviews(staff.reviews(actor), actor.username(), actor.isAdmin(),
                failedUpload, reason, reasonError);
        return context.html(Templates.reviews(context.who(actor), notice, items), status);
    }

    /** Publishers have no queue: approving is for reviewers and administrators. */
    private static void requireReviewer(Actor actor) {
        if (actor.role() != Role.REVIEWER && actor.role() != Role.ADMIN) {
            throw CurrentActor.forbidden("The review queue is for reviewers and administrators");
        }
    }

    // --- notices after a form -------------------------------------------------------------------------

    /** The notice a page shows after a form sent the reader back to it; unknown codes show nothing. */
    private Notice notice(String code, String subject, String release) {
        if (code == null) {
            return null;
        }
        AdminMessages m = context.messages();
        String s = subject == null ? "" : subject;
        return switch (code) {
            case "token-revoked" -> new Notice(m.notice_token_revoked(), false);
            case "account-created" -> new Notice(m.notice_account_created(s), false);
            case "account-saved" -> new Notice(m.notice_account_saved(s), false);
            case "account-stale" -> new Notice(m.notice_account_stale(s), true);
            case "department-updated" -> new Notice(m.notice_department_updated(s), false);
            case "approved" -> new Notice(m.notice_approved(s, release == null ? "" : release), false);
            case "rejected" -> new Notice(m.notice_rejected(s), false);
            default -> null;
        };
    }
}
