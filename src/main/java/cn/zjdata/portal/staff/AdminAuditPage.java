package cn.zjdata.portal.staff;

import cn.zjdata.portal.common.ApiConfig;
import cn.zjdata.portal.common.Page;
import cn.zjdata.portal.common.PageRequest;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.security.CsrfChecked;
import cn.zjdata.portal.security.Actor;
import cn.zjdata.portal.staff.AdminPageContext.Who;
import cn.zjdata.portal.staff.AdminViews.AuditForm;
import cn.zjdata.portal.staff.AdminViews.AuditRow;
import cn.zjdata.portal.staff.AdminViews.Pager;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;

/** The audit log for administrators, filtered, newest first, a page at a time, each change's JSON at hand. */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
public class AdminAuditPage {

    static final int AUDIT_PAGE_SIZE = 50;

    @CheckedTemplate(basePath = "AdminPages")
    static class Templates {
        static native TemplateInstance audit(Who who, AuditForm filter, List<AuditRow> entries, Pager pager);
    }

    private final AdminPageContext context;
    private final AdminViews views;
    private final AuditService audit;
    private final ApiConfig api;

    public AdminAuditPage(AdminPageContext context, AdminViews views, AuditService audit, ApiConfig api) {
        this.context = context;
        this.views = views;
        this.audit = audit;
        this.api = api;
    }

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
}
