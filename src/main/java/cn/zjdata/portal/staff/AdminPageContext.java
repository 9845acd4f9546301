package cn.zjdata.portal.staff;

import cn.zjdata.portal.security.Actor;
import cn.zjdata.portal.security.CurrentActor;
import cn.zjdata.portal.security.Role;
import cn.zjdata.portal.security.SessionService;

import cn.zjdata.portal.web.Ui;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every administration page needs around its own work: the member of staff signed in with a browser
 * session (anonymous visitors are sent to the sign-in page, API tokens are refused: pages are for people),
 * the session's CSRF token for the forms, the language, and answers that are never stored by a cache.
 */
@RequestScoped
public class AdminPageContext {

    /** Who is signed in, as the page header and navigation show it. */
    public record Who(String username, String role, boolean admin, boolean reviews, String csrf) {
    }

    private final CurrentActor current;
    private final SessionService sessions;
    private final Ui ui;
    private final AdminMessages zh;
    private final AdminMessages en;

    public AdminPageContext(CurrentActor current, SessionService sessions, Ui ui, AdminMessages zh, @Localized("en") AdminMessages en) {
        this.current = current;
        this.sessions = sessions;
        this.ui = ui;
        this.zh = zh;
        this.en = en;
    }

    /**
     * Runs a page for the member signed in: an anonymous request is answered 303 to the sign-in page, which
     * comes back to {@code next} afterwards; a request with an API token is a 403 problem.
     */
    public Response page(String next, Function<Actor, Response> page) {
        Optional<Actor> actor = current.get();
        if (actor.isEmpty()) {
            return Response.seeOther(URI.create("/staff/sign-in?next=" + encode(next))).header("Cache-Control", "no-store").build();
        }
        if (actor.get().via() != Actor.Via.SESSION) {
            throw CurrentActor.forbidden("The staff pages need a browser session; API tokens are for the API");
        }
        return page.apply(actor.get());
    }

    public Who who(Actor actor) {
        String csrf = sessions.csrfToken(actor.sessionSha256()).orElse("");
        return new Who(actor.username(), roleLabel(actor.role().code()), actor.isAdmin(),
                actor.role() == Role.ADMIN || actor.role() == Role.REVIEWER, csrf);
    }

    public static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw CurrentActor.forbidden("Only an administrator may see this page");
        }
    }

    /** The page as HTML with the status given, never cached (it shows a session's data and CSRF token). */
    public Response html(TemplateInstance page, int status) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(page.setLocale(ui.locale()).render())
                .header("Cache-Control", "no-store")
                .header("X-Robots-Tag", "noindex")
                .build();
    }

    /** 303 See Other to a page of the portal, after a form changed something. */
    public Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).header("Cache-Control", "no-store").build();
    }

    public String lang() {
        return ui.lang();
    }

    /** The interface strings in the page's language. */
    public AdminMessages messages() {
        return ui.en() ? en : zh;
    }

    public String roleLabel(String role) {
        AdminMessages m = messages();
        return switch (role) {
            case "admin" -> m.role_admin();
            case "publisher" -> m.role_publisher();
            case "reviewer" -> m.role_reviewer();
            default -> role;
        };
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The notice a page shows after a form sent the reader back to it; unknown codes show nothing. */
    public AdminViews.Notice notice(String code, String subject, String release) {
        if (code == null) {
            return null;
        }
        AdminMessages m = messages();
        String s = subject == null ? "" : subject;
        return switch (code) {
            case "token-revoked" -> new AdminViews.Notice(m.notice_token_revoked(), false);
            case "account-created" -> new AdminViews.Notice(m.notice_account_created(s), false);
            case "account-saved" -> new AdminViews.Notice(m.notice_account_saved(s), false);
            case "account-stale" -> new AdminViews.Notice(m.notice_account_stale(s), true);
            case "department-updated" -> new AdminViews.Notice(m.notice_department_updated(s), false);
            case "approved" -> new AdminViews.Notice(m.notice_approved(s, release == null ? "" : release), false);
            case "rejected" -> new AdminViews.Notice(m.notice_rejected(s), false);
            default -> null;
        };
    }
}
