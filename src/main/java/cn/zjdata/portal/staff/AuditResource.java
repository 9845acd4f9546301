package cn.zjdata.portal.staff;

import cn.zjdata.portal.common.ApiConfig;
import cn.zjdata.portal.common.Page;
import cn.zjdata.portal.common.PageRequest;
import cn.zjdata.portal.security.CsrfChecked;
import cn.zjdata.portal.security.CurrentActor;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log for administrators: who changed what, when, with the metadata before and after. */
@Path("/api/staff/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Staff: audit")
@CsrfChecked
public class AuditResource {

    private final AuditService audit;
    private final CurrentActor current;
    private final ApiConfig config;

    public AuditResource(AuditService audit, CurrentActor current, ApiConfig config) {
        this.audit = audit;
        this.current = current;
        this.config = config;
    }

    @GET
    public Page<StaffViews.AuditView> search(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                             @QueryParam("target") String target, @QueryParam("from") String from,
                                             @QueryParam("to") String to, @QueryParam("page") String page,
                                             @QueryParam("size") String size) {
        return audit.search(current.require(), new AuditService.AuditFilter(actor, action, target, from, to),
                PageRequest.parse(page, size, config));
    }
}
