package cn.zjdata.portal.staff;

import cn.zjdata.portal.catalog.DatasetMetadata;
import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.publishing.CsvwMetadata;
import cn.zjdata.portal.publishing.UploadService;
import cn.zjdata.portal.security.CsrfChecked;
import cn.zjdata.portal.security.Actor;
import cn.zjdata.portal.security.CurrentActor;
import cn.zjdata.portal.security.SessionCookies;
import cn.zjdata.portal.security.SessionService;
import cn.zjdata.portal.staff.StaffPageViews.Dashboard;
import cn.zjdata.portal.staff.StaffPageViews.DatasetPage;
import cn.zjdata.portal.staff.StaffPageViews.FormErrors;
import cn.zjdata.portal.staff.StaffPageViews.NewDatasetPage;
import cn.zjdata.portal.staff.StaffPageViews.Notice;
import cn.zjdata.portal.staff.StaffPageViews.SignInPage;
import cn.zjdata.portal.staff.StaffPageViews.UploadPage;
import cn.zjdata.portal.staff.StaffViews.DatasetDetail;
import cn.zjdata.portal.staff.StaffViews.ReleaseOutcome;
import cn.zjdata.portal.web.Ui;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The staff pages for publishing: sign-in, the dashboard, a dataset's metadata, uploads, releases and
 * withdrawals. Thin: each handler calls {@link StaffService} (which holds the rules), then redirects (303)
 * or shows the page again with what was refused, under the problem's status. Anonymous readers are sent to
 * the sign-in form by {@link StaffPageFilters}; forms carry the session's CSRF token, checked by
 * {@code CsrfFilter}.
 */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
public class StaffPages {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("utf-8");
    /** The statuses of a refused upload that the dataset page reports (others are error pages). */
    private static final Set<Integer> UPLOAD_REFUSALS = Set.of(400, 409, 413, 415, 422);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(SignInPage page);

        static native TemplateInstance dashboard(Dashboard page);

        static native TemplateInstance newDataset(NewDatasetPage page);

        static native TemplateInstance dataset(DatasetPage page);

        static native TemplateInstance upload(UploadPage page);
    }

    private final Ui ui;
    private final CurrentActor current;
    private final SessionService sessions;
    private final SessionCookies cookies;
    private final StaffService staff;
    private final StaffPageModels models;

    public StaffPages(Ui ui, CurrentActor current, SessionService sessions, SessionCookies cookies, StaffService staff,
                      StaffPageModels models) {
        this.ui = ui;
        this.current = current;
        this.sessions = sessions;
        this.cookies = cookies;
        this.staff = staff;
        this.models = models;
    }

    // --- signing in and out ----------------------------------------------------------------

    @GET
    @Path("sign-in")
    @Operation(hidden = true)
    public Response signInForm(@QueryParam("next") String next) {
        return page(200, Templates.signIn(signInPage(next, "", 200, null, null)));
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signIn(@RestForm String username, @RestForm String password, @RestForm String next,
                           HttpServerRequest request) {
        try {
            SessionService.Opened opened = sessions.signIn(username, password);
            return Response.seeOther(URI.create(SignInForm.safeNext(next))).cookie(cookies.open(opened, request)).build();
        } catch (ProblemException e) {
            String failure = switch (e.status()) {
                case 422 -> "missing";
                case 429 -> "locked";
                default -> "wrong";
            };
            return page(e.status(), Templates.signIn(signInPage(next, username, e.status(), failure, SignInForm.lockedUntil(e))));
        }
    }

    @POST
    @Path("sign-out")
    @Operation(hidden = true)
    public Response signOut(HttpServerRequest request) {
        current.get().ifPresent(sessions::signOut);
        return Response.seeOther(URI.create("/")).cookie(cookies.clear(request)).build();
    }

    // --- dashboard and new datasets --------------------------------------------------------

    @GET
    @Operation(hidden = true)
    public Response dashboard() {
        return page(200, Templates.dashboard(models.dashboard(current.require())));
    }

    @GET
    @Path("datasets/new")
    @Operation(hidden = true)
    public Response newDatasetForm() {
        return page(200, Templates.newDataset(models.newDataset(current.require(), null, null)));
    }

    @POST
    @Path("datasets/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response createDataset(@BeanParam MetadataForm form) {
        Actor actor = current.require();
        MetadataForm.Built built = form.build(null, null);
        try {
            DatasetDetail created = staff.create(actor, CsvwMetadata.write(built.metadata(), "data.csv"));
            return redirect(datasetPath(created.dataset().identifier()) + "?notice=created");
        } catch (ProblemException e) {
            if (e.status() != 422 && e.status() != 409) {
                throw e;
            }
            FormErrors errors = e.status() == 409 ? FormErrors.of(e, Map.of(), "identifier") : MetadataForm.errors(e, built);
            return page(e.status(), Templates.newDataset(models.newDataset(actor, form.values(false, null), errors)));
        }
    }

    // --- a dataset -------------------------------------------------------------------------

    @GET
    @Path("datasets/{slug}")
    @Operation(hidden = true)
    public Response dataset(@PathParam("slug") String slug, @QueryParam("notice") String notice,
                            @QueryParam("release") String release) {
        Actor actor = current.require();
        DatasetDetail detail = staff.show(actor, slug);
        return page(200, Templates.dataset(models.dataset(actor, detail, Notice.of(notice, release), null, null, null, null)));
    }

    @POST
    @Path("datasets/{slug}/metadata")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response saveMetadata(@PathParam("slug") String slug, @BeanParam MetadataForm form) {
        Actor actor = current.require();
        DatasetDetail before = staff.show(actor, slug);
        DatasetMetadata saved = models.metadata(before);
        MetadataForm.Built built = form.build(saved, slug);
        try {
            staff.updateMetadata(actor, slug, CsvwMetadata.write(built.metadata(), "data.csv"), form.version());
            return redirect(datasetPath(slug) + "?notice=saved");
        } catch (ProblemException e) {
            if (e.status() != 422 && e.status() != 409) {
                throw e;
            }
            FormErrors errors = e.status() == 409 ? FormErrors.of(e, Map.of(), null) : MetadataForm.errors(e, built);
            return page(e.status(), Templates.dataset(models.dataset(actor, staff.show(actor, slug), null,
                    form.values(true, slug), errors, null, null)));
        }
    }

    @POST
    @Path("datasets/{slug}/uploads")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response upload(@PathParam("slug") String slug, @RestForm("file") FileUpload file) {
        Actor actor = current.require();
        try {
            if (file == null || file.uploadedFile() == null || (file.size() == 0 && blank(file.fileName()))) {
                throw ProblemException.invalid("Choose a CSV or XLSX file to upload", List.of(FieldError.of("file", "is required")));
            }
            StaffViews.UploadView view = staff.upload(actor, slug,
                    new UploadService.Received(file.uploadedFile(), file.fileName(), file.contentType()));
            return redirect(datasetPath(slug) + "/uploads/" + view.id());
        } catch (ProblemException e) {
            if (!UPLOAD_REFUSALS.contains(e.status())) {
                throw e;
            }
            return page(e.status(), Templates.dataset(models.dataset(actor, staff.show(actor, slug), null, null,
                    FormErrors.of(e, Map.of("file", "upload.file"), null), StaffPageModels.report(e), null)));
        }
    }

    @GET
    @Path("datasets/{slug}/uploads/{id}")
    @Operation(hidden = true)
    public Response showUpload(@PathParam("slug") String slug, @PathParam("id") String id) {
        Actor actor = current.require();
        StaffViews.UploadView upload = staff.showUpload(actor, slug, id);
        return page(200, Templates.upload(models.upload(actor, staff.show(actor, slug), upload, null, null, false)));
    }

    @POST
    @Path("datasets/{slug}/releases")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response release(@PathParam("slug") String slug, @RestForm String upload, @RestForm String changeNote,
                            @RestForm String expectedVersion, @RestForm String confirmSchemaChange,
                            @RestForm String metadataOnly) {
        Actor actor = current.require();
        boolean onlyMetadata = "true".equals(metadataOnly);
        boolean confirmed = "true".equals(confirmSchemaChange);
        try {
            ReleaseOutcome outcome = staff.release(actor, slug, new StaffService.ReleaseRequest(onlyMetadata ? null : upload,
                    changeNote, MetadataForm.parseVersion(expectedVersion), confirmed, onlyMetadata));
            return redirect(datasetPath(slug) + ("published".equals(outcome.outcome())
                    ? "?notice=published&release=" + outcome.release() : "?notice=submitted"));
        } catch (ProblemException e) {
            if (e.status() != 422 && e.status() != 409) {
                throw e;
            }
            if (onlyMetadata || blank(upload)) {
                return page(e.status(), Templates.dataset(models.dataset(actor, staff.show(actor, slug), null, null,
                        FormErrors.of(e, Map.of("changeNote", "metadata-only.changeNote"), null), null, changeNote)));
            }
            StaffViews.UploadView view = staff.showUpload(actor, slug, upload);
            return page(e.status(), Templates.upload(models.upload(actor, staff.show(actor, slug), view,
                    FormErrors.of(e, Map.of("changeNote", "changeNote", "confirmSchemaChange", "confirmSchemaChange"), null),
                    changeNote, confirmed)));
        }
    }

    @POST
    @Path("datasets/{slug}/withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response withdrawDataset(@PathParam("slug") String slug, @RestForm String reason) {
        Actor actor = current.require();
        try {
            staff.withdrawDataset(actor, slug, reason);
            return redirect(datasetPath(slug) + "?notice=dataset-withdrawn");
        } catch (ProblemException e) {
            if (e.status() != 422) {
                throw e;
            }
            return page(422, Templates.dataset(models.dataset(actor, staff.show(actor, slug), null, null,
                    FormErrors.of(e, Map.of("reason", "withdraw.reason"), null), null, null)));
        }
    }

    @POST
    @Path("datasets/{slug}/releases/{number}/withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response withdrawRelease(@PathParam("slug") String slug, @PathParam("number") int number,
                                    @RestForm String reason) {
        Actor actor = current.require();
        try {
            staff.withdrawRelease(actor, slug, number, reason);
            return redirect(datasetPath(slug) + "?notice=release-withdrawn&release=" + number);
        } catch (ProblemException e) {
            if (e.status() != 422) {
                throw e;
            }
            return page(422, Templates.dataset(models.dataset(actor, staff.show(actor, slug), null, null,
                    FormErrors.of(e, Map.of("reason", "withdraw." + number + ".reason"), null), null, null)));
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    private Response page(int status, TemplateInstance template) {
        return Response.status(status).type(HTML).entity(template.setLocale(ui.locale()).render()).build();
    }

    private static Response redirect(String location) {
        return Response.seeOther(URI.create(location)).build();
    }

    private static String datasetPath(String slug) {
        return "/staff/datasets/" + URLEncoder.encode(slug, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private SignInPage signInPage(String next, String username, int status, String failure, Instant lockedUntil) {
        var actor = current.get();
        String csrf = actor.map(a -> models.signed(a).csrf()).orElse(null);
        return new SignInPage(SignInForm.safeNext(next), username == null ? "" : username, status, failure, lockedUntil, csrf,
                actor.map(Actor::username).orElse(null));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
