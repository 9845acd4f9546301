package cn.zjdata.portal.staff;

import cn.zjdata.portal.security.CsrfChecked;
import cn.zjdata.portal.security.CurrentActor;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** The review queue of departments that approve releases before they go live. */
@Path("/api/staff/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Staff: review")
@CsrfChecked
public class ReviewResource {

    private final StaffService staff;
    private final CurrentActor current;

    public ReviewResource(StaffService staff, CurrentActor current) {
        this.staff = staff;
        this.current = current;
    }

    @GET
    public List<StaffViews.UploadView> queue() {
        return staff.reviews(current.require());
    }

    @POST
    @Path("{upload}/approval")
    public Response approve(@PathParam("upload") String upload) {
        StaffViews.ReleaseOutcome outcome = staff.approve(current.require(), upload);
        return Response.created(URI.create(outcome.location())).entity(outcome).build();
    }

    @POST
    @Path("{upload}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reject(@PathParam("upload") String upload, StaffDatasetResource.Reason body) {
        staff.reject(current.require(), upload, body == null ? null : body.reason());
        return Response.noContent().build();
    }
}
