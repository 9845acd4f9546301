package cn.zjdata.portal.staff;

import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.PortalUris;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.security.AccountService;
import cn.zjdata.portal.security.Actor;
import cn.zjdata.portal.security.CsrfChecked;
import cn.zjdata.portal.security.CurrentActor;
import cn.zjdata.portal.security.Role;
import cn.zjdata.portal.security.SecurityConfig;
import cn.zjdata.portal.security.TokenService;
import cn.zjdata.portal.staff.AdminPageContext.Who;
import cn.zjdata.portal.staff.AdminViews.NewToken;
import cn.zjdata.portal.staff.AdminViews.Notice;
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
 * The staff pages every member uses: their own API tokens and, for reviewers and administrators, the review
 * queue. With {@link AdminAccountPages} and {@link AdminAuditPage} they make the administration pages: every
 * page needs a browser session (anonymous visitors are sent to the sign-in page); every form carries the
 * session's CSRF token; a form with errors is shown again with each error beside its field, and a form that
 * changed something answers 303 back to its page with a notice. Publishers have no review queue (403): the
 * page is for those who may decide, and a publisher's submissions show on their dataset's staff page.
 */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
public class AdminPages {

    static final String FORM = MediaType.APPLICATION_FORM_URLENCODED;

    @CheckedTemplate(basePath = "AdminPages")
    static class Templates {
        static native TemplateInstance tokens(Who who, Notice notice, List<TokenRow> tokens, TokenForm form, NewToken created);

        static native TemplateInstance reviews(Who who, Notice notice, List<ReviewItem> items);
    }

    private final AdminPageContext context;
    private final AdminViews views;
    private final TokenService tokens;
    private final AccountService accounts;
    private final StaffService staff;
    private final SecurityConfig security;
    private final PortalUris uris;

    public AdminPages(AdminPageContext context, AdminViews views, TokenService tokens, AccountService accounts,
                      StaffService staff, SecurityConfig security, PortalUris uris) {
        this.context = context;
        this.views = views;
        this.tokens = tokens;
        this.accounts = accounts;
        this.staff = staff;
        this.security = security;
        this.uris = uris;
    }

    // --- API tokens ----------------------------------------------------------------------------------

    @GET
    @Path("tokens")
    @Operation(hidden = true)
    public Response tokens(@RestQuery String notice) {
        return context.page("/staff/tokens", actor -> tokensPage(actor, context.notice(notice, null, null),
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

    // --- the review queue (reviewers and administrators) ---------------------------------------------

    @GET
    @Path("reviews")
    @Operation(hidden = true)
    public Response reviews(@RestQuery String notice, @RestQuery String dataset, @RestQuery String release) {
        return context.page("/staff/reviews", actor -> reviewsPage(actor, context.notice(notice, dataset, release), null, null, null, 200));
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
        List<ReviewItem> items = views.reviews(staff.reviews(actor), actor.username(),
                failedUpload, reason, reasonError);
        return context.html(Templates.reviews(context.who(actor), notice, items), status);
    }

    /** Publishers have no queue: approving is for reviewers and administrators. */
    private static void requireReviewer(Actor actor) {
        if (actor.role() != Role.REVIEWER && actor.role() != Role.ADMIN) {
            throw CurrentActor.forbidden("The review queue is for reviewers and administrators");
        }
    }
}
