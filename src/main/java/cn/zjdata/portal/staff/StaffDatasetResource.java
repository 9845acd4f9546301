package cn.zjdata.portal.staff;

import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.publishing.FileStore;
import cn.zjdata.portal.publishing.UploadService;
import cn.zjdata.portal.security.CsrfChecked;
import cn.zjdata.portal.security.CurrentActor;
import cn.zjdata.portal.staff.StaffViews.DatasetDetail;
import cn.zjdata.portal.staff.StaffViews.DatasetSummary;
import cn.zjdata.portal.staff.StaffViews.ReleaseOutcome;
import cn.zjdata.portal.staff.StaffViews.UploadView;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;

/**
 * The publishing API for staff and their automation (session cookie + CSRF header, or an API token):
 * datasets, metadata, uploads, releases, withdrawals.
 */
@Path("/api/staff/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Staff: publishing")
@CsrfChecked
public class StaffDatasetResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final StaffService staff;
    private final CurrentActor current;
    private final FileStore files;
    private final UploadLimits limits;

    public StaffDatasetResource(StaffService staff, CurrentActor current, FileStore files, UploadLimits limits) {
        this.limits = limits;
        this.staff = staff;
        this.current = current;
        this.files = files;
    }

    public record Reason(String reason) {
    }

    @GET
    @Operation(summary = "The datasets of the departments you act for, drafts included")
    public List<DatasetSummary> list() {
        return staff.list(current.require());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a draft dataset from its metadata (the csv-metadata.json format of datasets/)")
    public Response create(JsonNode metadata) {
        DatasetDetail created = staff.create(current.require(), metadata);
        return Response.created(URI.create("/api/staff/datasets/" + created.dataset().identifier())).entity(created).build();
    }

    @GET
    @Path("{slug}")
    public Response show(@PathParam("slug") String slug) {
        DatasetDetail detail = staff.show(current.require(), slug);
        return Response.ok(detail).tag(String.valueOf(detail.dataset().version())).build();
    }

    @PUT
    @Path("{slug}/metadata")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save edited metadata (If-Match: the dataset version you edited); it applies with the next release")
    public Response updateMetadata(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch, JsonNode metadata) {
        DatasetDetail detail = staff.updateMetadata(current.require(), slug, metadata, version(ifMatch));
        return Response.ok(detail).tag(String.valueOf(detail.dataset().version())).build();
    }

    @POST
    @Path("{slug}/uploads")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a CSV or XLSX file (multipart field 'file'): converted, checked and compared, not yet published")
    public Response uploadForm(@PathParam("slug") String slug, @RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("No file was sent", List.of(FieldError.of("file", "is required")));
        }
        try {
            limits.check(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UploadView view = staff.upload(current.require(), slug,
                new UploadService.Received(file.uploadedFile(), file.fileName(), file.contentType()));
        return created(slug, view);
    }

    @POST
    @Path("{slug}/uploads")
    @Consumes({"text/csv", "text/plain", "text/tab-separated-values", XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Upload a CSV or XLSX file as the request body (file name in Content-Disposition)")
    public Response uploadBody(@PathParam("slug") String slug, @HeaderParam("Content-Type") String contentType,
                               @HeaderParam("Content-Disposition") String disposition, InputStream body) {
        java.nio.file.Path received;
        try {
            received = Files.createTempFile(Files.createDirectories(files.tempDirectory()), "received-", ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            try {
                limits.copy(body, received);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            UploadView view = staff.upload(current.require(), slug,
                    new UploadService.Received(received, DispositionFileName.of(disposition), contentType));
            return created(slug, view);
        } finally {
            try {
                Files.deleteIfExists(received);
            } catch (IOException ignored) {
                // a leftover work file harms nothing
            }
        }
    }

    @GET
    @Path("{slug}/uploads/{id}")
    public UploadView showUpload(@PathParam("slug") String slug, @PathParam("id") String id) {
        return staff.showUpload(current.require(), slug, id);
    }

    @POST
    @Path("{slug}/releases")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a checked upload (or the saved metadata) as the next release, or submit it for review")
    public Response release(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch,
                            StaffService.ReleaseRequest body) {
        StaffService.ReleaseRequest in = body == null ? new StaffService.ReleaseRequest(null, null, null, null, null) : body;
        if (in.expectedVersion() == null && ifMatch != null) {
            in = new StaffService.ReleaseRequest(in.upload(), in.changeNote(), version(ifMatch), in.confirmSchemaChange(), in.metadataOnly());
        }
        ReleaseOutcome outcome = staff.release(current.require(), slug, in);
        return Response.status("published".equals(outcome.outcome()) ? 201 : 202)
                .location(URI.create(outcome.location())).entity(outcome).build();
    }

    @POST
    @Path("{slug}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Withdraw the whole dataset with a reason: its URLs answer 410, its history stays")
    public Response withdrawDataset(@PathParam("slug") String slug, Reason body) {
        staff.withdrawDataset(current.require(), slug, body == null ? null : body.reason());
        return Response.noContent().build();
    }

    @POST
    @Path("{slug}/releases/{number}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Withdraw one release with a reason: its URLs answer 410; the latest URLs move to the newest remaining release")
    public Response withdrawRelease(@PathParam("slug") String slug, @PathParam("number") int number, Reason body) {
        staff.withdrawRelease(current.require(), slug, number, body == null ? null : body.reason());
        return Response.noContent().build();
    }

    private static Response created(String slug, UploadView view) {
        return Response.created(URI.create("/api/staff/datasets/" + slug + "/uploads/" + view.id())).entity(view).build();
    }

    /** The version named by an If-Match header ("3" or W/"3"), or null. */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String v = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter("If-Match", "must be the dataset version as given in the ETag, e.g. \"3\"");
        }
    }
}
