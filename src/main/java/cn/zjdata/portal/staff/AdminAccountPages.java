package cn.zjdata.portal.staff;

import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.security.CsrfChecked;
import cn.zjdata.portal.security.AccountService;
import cn.zjdata.portal.security.Actor;
import cn.zjdata.portal.staff.AdminPageContext.Who;
import cn.zjdata.portal.staff.AdminViews.AccountForm;
import cn.zjdata.portal.staff.AdminViews.AccountRow;
import cn.zjdata.portal.staff.AdminViews.DepartmentRow;
import cn.zjdata.portal.staff.AdminViews.Notice;
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

import java.util.List;
import java.util.Set;

/** Accounts and departments, for administrators: the list, new accounts, changes, and review per department. */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
public class AdminAccountPages {

    static final String FORM = MediaType.APPLICATION_FORM_URLENCODED;

    @CheckedTemplate(basePath = "AdminPages")
    static class Templates {
        static native TemplateInstance accounts(Who who, Notice notice, List<AccountRow> accounts, AccountForm form,
                                                List<DepartmentRow> departments);

        static native TemplateInstance account(Who who, Notice notice, AccountForm form);
    }

    private final AdminPageContext context;
    private final AdminViews views;
    private final AccountService accounts;

    public AdminAccountPages(AdminPageContext context, AdminViews views, AccountService accounts) {
        this.context = context;
        this.views = views;
        this.accounts = accounts;
    }

    @GET
    @Path("accounts")
    @Operation(hidden = true)
    public Response accounts(@RestQuery String notice, @RestQuery String subject) {
        return context.page("/staff/accounts", actor -> accountsPage(actor, context.notice(notice, subject, null),
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
            return context.html(Templates.account(context.who(actor), context.notice(notice, username, null),
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
                    return context.html(Templates.account(context.who(actor), context.notice("account-stale", username, null),
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
}
