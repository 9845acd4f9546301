package cn.zjdata.portal.staff;

import cn.zjdata.portal.catalog.Dataset;
import cn.zjdata.portal.catalog.DatasetMetadata;
import cn.zjdata.portal.catalog.DatasetRepository;
import cn.zjdata.portal.catalog.Release;
import cn.zjdata.portal.catalog.ReleaseRepository;
import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.publishing.CsvwMetadata;
import cn.zjdata.portal.publishing.FileStore;
import cn.zjdata.portal.publishing.PublishResult;
import cn.zjdata.portal.publishing.PublishingService;
import cn.zjdata.portal.publishing.StaffUpload;
import cn.zjdata.portal.publishing.UploadService;
import cn.zjdata.portal.security.Actor;
import cn.zjdata.portal.security.CurrentActor;
import cn.zjdata.portal.security.DepartmentSetting;
import cn.zjdata.portal.security.Role;
import cn.zjdata.portal.staff.StaffViews.DatasetDetail;
import cn.zjdata.portal.staff.StaffViews.DatasetSummary;
import cn.zjdata.portal.staff.StaffViews.ReleaseOutcome;
import cn.zjdata.portal.staff.StaffViews.ReleaseSummary;
import cn.zjdata.portal.staff.StaffViews.UploadView;
import cn.zjdata.portal.tabular.CsvTables;
import cn.zjdata.portal.tabular.TableDiff;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The staff publishing workflow with its access rules: who may create, edit, upload, publish, review and
 * withdraw which department's datasets. The rules live here; the work is done by the publishing services.
 */
@ApplicationScoped
public class StaffService {

    private static final int PREVIEW_ROWS = 20;

    private final DatasetRepository datasets;
    private final ReleaseRepository releases;
    private final PublishingService publishing;
    private final UploadService uploads;
    private final FileStore files;
    private final ObjectMapper json;

    public StaffService(DatasetRepository datasets, ReleaseRepository releases, PublishingService publishing,
                        UploadService uploads, FileStore files, ObjectMapper json) {
        this.datasets = datasets;
        this.releases = releases;
        this.publishing = publishing;
        this.uploads = uploads;
        this.files = files;
        this.json = json;
    }

    /** What a release request carries. */
    public record ReleaseRequest(String upload, String changeNote, Long expectedVersion, Boolean confirmSchemaChange,
                                 Boolean metadataOnly) {
    }

    public List<DatasetSummary> list(Actor actor) {
        return QuarkusTransaction.joiningExisting().call(() -> datasets.listAll().stream()
                .filter(d -> actor.canPublishFor(d.publisherId) || actor.canReviewFor(d.publisherId))
                .sorted(Comparator.comparing((Dataset d) -> d.modifiedAt).reversed())
                .map(this::summary).toList());
    }

    public DatasetDetail show(Actor actor, String slug) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Dataset d = visible(actor, slug);
            List<ReleaseSummary> history = releases.listFor(d.id).stream()
                    .sorted(Comparator.comparingInt((Release r) -> r.number).reversed())
                    .map(r -> new ReleaseSummary(r.number, r.status.name().toLowerCase(), r.issuedAt, r.changeNote,
                            r.publishedBy, r.rowCount, r.withdrawnAt, r.withdrawalReason)).toList();
            List<UploadView> waiting = StaffUpload.forDataset(d.id).stream().limit(20).map(u -> view(u, d, false)).toList();
            return new DatasetDetail(summary(d), readJson(metadataJson(d)), history, waiting);
        });
    }

    public DatasetDetail create(Actor actor, JsonNode metadata) {
        DatasetMetadata m = parse(metadata);
        requirePublisher(actor, m.publisher());
        publishing.createDraft(m, actor.username());
        return show(actor, m.identifier());
    }

    public DatasetDetail updateMetadata(Actor actor, String slug, JsonNode metadata, Long expectedVersion) {
        Dataset d = QuarkusTransaction.requiringNew().call(() -> visible(actor, slug));
        requirePublisher(actor, d.publisherId);
        DatasetMetadata m = parse(metadata);
        requirePublisher(actor, m.publisher());
        publishing.updateMetadata(slug, m, expectedVersion, actor.username());
        return show(actor, slug);
    }

    public UploadView upload(Actor actor, String slug, UploadService.Received file) {
        Dataset d = QuarkusTransaction.requiringNew().call(() -> visible(actor, slug));
        requirePublisher(actor, d.publisherId);
        StaffUpload upload = uploads.receive(slug, file, actor.username());
        return QuarkusTransaction.requiringNew().call(() -> view(upload, d, true));
    }

    public UploadView showUpload(Actor actor, String slug, String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Dataset d = visible(actor, slug);
            StaffUpload u = StaffUpload.<StaffUpload>findByIdOptional(id).filter(x -> x.datasetId.equals(d.id))
                    .orElseThrow(() -> ProblemException.notFound("upload of dataset " + slug, id));
            return view(u, d, true);
        });
    }

    /**
     * Publishes an upload (or the saved metadata with the current data) as release N+1, or, when the
     * department requires review and the actor is not an administrator, submits it for review.
     */
    public ReleaseOutcome release(Actor actor, String slug, ReleaseRequest request) {
        Dataset d = QuarkusTransaction.requiringNew().call(() -> visible(actor, slug));
        requirePublisher(actor, d.publisherId);
        List<FieldError> errors = new ArrayList<>();
        String note = request.changeNote() == null ? "" : request.changeNote().strip();
        if (note.isEmpty()) {
            errors.add(FieldError.of("changeNote", "is required: say what changed in this release"));
        } else if (note.length() > 5000) {
            errors.add(FieldError.of("changeNote", "must be at most 5000 characters"));
        }
        boolean metadataOnly = Boolean.TRUE.equals(request.metadataOnly());
        if (!metadataOnly && (request.upload() == null || request.upload().isBlank())) {
            errors.add(FieldError.of("upload", "is required (the id of a checked upload), or set metadataOnly"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The release request is not valid", errors);
        }
        StaffUpload upload = metadataOnly ? uploads.fromCurrentData(slug, actor.username())
                : QuarkusTransaction.requiringNew().call(() -> StaffUpload.<StaffUpload>findByIdOptional(request.upload())
                .filter(u -> u.datasetId.equals(d.id))
                .orElseThrow(() -> ProblemException.notFound("upload of dataset " + slug, request.upload())));
        if (upload.state != StaffUpload.State.VALIDATED) {
            throw ProblemException.conflict("Upload " + upload.id + " is " + upload.state.name().toLowerCase()
                    + "; only a checked upload waiting to be published can be");
        }
        TableDiff diff = diff(upload);
        if (diff != null && diff.schemaChanged() && !Boolean.TRUE.equals(request.confirmSchemaChange())) {
            throw ProblemException.invalid("The release changes the table's columns", List.of(FieldError.of("confirmSchemaChange",
                    "the columns change (added " + diff.columnsAdded() + ", removed " + diff.columnsRemoved()
                            + ", retyped " + diff.columnsRetyped() + (diff.columnsReordered() ? ", reordered" : "")
                            + "); programs reading this dataset may break: confirm the change")));
        }
        boolean review = QuarkusTransaction.requiringNew().call(() -> DepartmentSetting.reviewRequired(d.publisherId));
        if (review && !(actor.role() == Role.ADMIN && actor.via() == Actor.Via.SESSION)) {
            uploads.submit(upload, note, actor.username(), slug);
            return new ReleaseOutcome("submitted-for-review", slug, null, upload.id,
                    "/api/staff/datasets/" + slug + "/uploads/" + upload.id);
        }
        PublishResult result = uploads.publish(upload, note, request.expectedVersion(), actor.username());
        return published(result, upload);
    }

    public List<UploadView> reviews(Actor actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<Long, Dataset> byId = datasets.listAll().stream().collect(Collectors.toMap(d -> d.id, d -> d));
            return StaffUpload.inState(StaffUpload.State.SUBMITTED).stream()
                    .filter(u -> byId.containsKey(u.datasetId) && actor.canReviewFor(byId.get(u.datasetId).publisherId))
                    .map(u -> view(u, byId.get(u.datasetId), false)).toList();
        });
    }

    public ReleaseOutcome approve(Actor actor, String uploadId) {
        Reviewed r = reviewed(actor, uploadId);
        uploads.recordApproval(r.upload(), actor.username(), r.dataset().slug);
        PublishResult result = uploads.publish(r.upload(), r.upload().changeNote, null, r.upload().submittedBy);
        return published(result, r.upload());
    }

    public void reject(Actor actor, String uploadId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("A reason is required to reject", List.of(FieldError.of("reason", "is required")));
        }
        Reviewed r = reviewed(actor, uploadId);
        uploads.reject(r.upload(), reason, actor.username(), r.dataset().slug);
    }

    public void withdrawDataset(Actor actor, String slug, String reason) {
        Dataset d = QuarkusTransaction.requiringNew().call(() -> visible(actor, slug));
        requirePublisher(actor, d.publisherId);
        publishing.withdrawDataset(slug, reason, actor.username());
    }

    public void withdrawRelease(Actor actor, String slug, int number, String reason) {
        Dataset d = QuarkusTransaction.requiringNew().call(() -> visible(actor, slug));
        requirePublisher(actor, d.publisherId);
        publishing.withdrawRelease(slug, number, reason, actor.username());
    }

    private record Reviewed(StaffUpload upload, Dataset dataset) {
    }

    private Reviewed reviewed(Actor actor, String uploadId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StaffUpload u = StaffUpload.<StaffUpload>findByIdOptional(uploadId)
                    .orElseThrow(() -> ProblemException.notFound("upload", uploadId));
            Dataset d = datasets.findById(u.datasetId);
            if (!actor.canReviewFor(d.publisherId)) {
                throw CurrentActor.forbidden("You do not review releases of department '" + d.publisherId + "'");
            }
            if (u.state != StaffUpload.State.SUBMITTED) {
                throw ProblemException.conflict("Upload " + uploadId + " is " + u.state.name().toLowerCase() + ", not waiting for review");
            }
            if (actor.username().equals(u.submittedBy)) {
                throw CurrentActor.forbidden("A release cannot be approved or rejected by the person who submitted it");
            }
            return new Reviewed(u, d);
        });
    }

    private ReleaseOutcome published(PublishResult result, StaffUpload upload) {
        return new ReleaseOutcome("published", result.slug(), result.releaseNumber(), upload.id,
                "/api/datasets/" + result.slug() + "/releases/" + result.releaseNumber());
    }

    /** The dataset, when the actor works for its department (403 otherwise, 404 when there is none). */
    private Dataset visible(Actor actor, String slug) {
        Dataset d = datasets.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("dataset", slug));
        if (!actor.canPublishFor(d.publisherId) && !actor.canReviewFor(d.publisherId)) {
            throw CurrentActor.forbidden("You do not act for department '" + d.publisherId + "', which publishes '" + slug + "'");
        }
        return d;
    }

    private static void requirePublisher(Actor actor, String department) {
        if (department == null) {
            return; // metadata naming no publisher: the metadata rules refuse it (422), nothing is written
        }
        if (!actor.canPublishFor(department)) {
            throw CurrentActor.forbidden("You do not publish for department '" + department + "'");
        }
    }

    private DatasetMetadata parse(JsonNode metadata) {
        CsvwMetadata.Parsed parsed = CsvwMetadata.read(metadata);
        if (!parsed.errors().isEmpty()) {
            throw ProblemException.invalid("The metadata is not valid: " + parsed.errors().size() + " problem(s)", parsed.errors());
        }
        return parsed.metadata();
    }

    private DatasetSummary summary(Dataset d) {
        Integer current = d.currentReleaseId == null ? null : releases.findById(d.currentReleaseId).number;
        return new DatasetSummary(d.slug, d.titleZh, d.titleEn, d.publisherId, d.status.name().toLowerCase(), current,
                d.pendingMetadataJson != null, d.version, d.modifiedAt, DepartmentSetting.reviewRequired(d.publisherId));
    }

    private String metadataJson(Dataset d) {
        return d.pendingMetadataJson != null ? d.pendingMetadataJson : releases.findById(d.currentReleaseId).metadataJson;
    }

    private UploadView view(StaffUpload u, Dataset d, boolean withPreview) {
        Integer base = u.baseReleaseId == null ? null : releases.findById(u.baseReleaseId).number;
        Integer release = u.releaseId == null ? null : releases.findById(u.releaseId).number;
        TableDiff diff = diff(u);
        return new UploadView(u.id, d.slug, u.state.name().toLowerCase(), u.fileName, u.format, u.charset, u.delimiter,
                u.rowCount, u.byteSize, u.fileSha256, u.uploadedAt, u.uploadedBy, base, diff,
                diff != null && diff.schemaChanged(), u.changeNote, u.submittedBy, u.submittedAt, u.decidedBy, u.decisionNote, release,
                withPreview ? preview(u) : null);
    }

    private TableDiff diff(StaffUpload u) {
        if (u.diffJson == null) {
            return null;
        }
        try {
            return json.readValue(u.diffJson, TableDiff.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StaffViews.Preview preview(StaffUpload u) {
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(files.path(u.fileSha256), StandardCharsets.UTF_8);
             var parser = CsvTables.READ.parse(reader)) {
            for (var record : parser) {
                if (header.isEmpty()) {
                    header.addAll(record.toList());
                } else if (rows.size() < PREVIEW_ROWS) {
                    rows.add(record.toList());
                } else {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StaffViews.Preview(header, rows);
    }

    private Object readJson(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
