package cn.zjdata.portal.publishing;

import cn.zjdata.portal.catalog.Dataset;
import cn.zjdata.portal.catalog.DatasetMetadata;
import cn.zjdata.portal.catalog.DatasetRepository;
import cn.zjdata.portal.catalog.DatasetStatus;
import cn.zjdata.portal.catalog.Keyword;
import cn.zjdata.portal.catalog.Release;
import cn.zjdata.portal.catalog.ReleaseColumn;
import cn.zjdata.portal.catalog.ReleaseRepository;
import cn.zjdata.portal.catalog.ReleaseStatus;
import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.reference.Concept.Scheme;
import cn.zjdata.portal.reference.ReferenceService;
import cn.zjdata.portal.tabular.TableSchema;
import cn.zjdata.portal.tabular.TableWriters;
import cn.zjdata.portal.tabular.TableValidator;
import cn.zjdata.portal.tabular.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The one write path of the catalog. Every release (the seed import at start-up, staff uploads, the API)
 * is published here: metadata checked, the table checked against its schema while it is copied to the
 * file store, then, in one transaction, the dataset record, release N+1, the records derived by the
 * profile's processors, an outbox event for the projections and an audit entry. A failure at any step
 * leaves the stored data as it was.
 */
@ApplicationScoped
public class PublishingService {

    private static final Logger LOG = Logger.getLogger(PublishingService.class);

    private final MetadataValidator validator;
    private final FileStore files;
    private final DatasetRepository datasets;
    private final ReleaseRepository releases;
    private final ReferenceService reference;
    private final Instance<ReleaseProcessor> processors;
    private final ObjectMapper json;
    private final Event<Published> published;
    private final PublishSteps steps;
    private final AuditLog audit;

    public PublishingService(MetadataValidator validator, FileStore files, DatasetRepository datasets,
                             ReleaseRepository releases, ReferenceService reference,
                             Instance<ReleaseProcessor> processors, ObjectMapper json, Event<Published> published,
                             PublishSteps steps, AuditLog audit) {
        this.steps = steps;
        this.audit = audit;
        this.validator = validator;
        this.files = files;
        this.datasets = datasets;
        this.releases = releases;
        this.reference = reference;
        this.processors = processors;
        this.json = json;
        this.published = published;
    }

    @ActivateRequestContext
    public PublishResult publish(PublishRequest request) {
        if (request.changeNote() == null || request.changeNote().isBlank()) {
            throw ProblemException.invalid("A change note is required", List.of(FieldError.of("changeNote", "is required")));
        }
        List<FieldError> metadataErrors = validator.validate(request.metadata());
        if (!metadataErrors.isEmpty()) {
            throw ProblemException.invalid("The metadata is not valid: " + metadataErrors.size() + " problem(s)", metadataErrors);
        }
        long start = System.nanoTime();
        StagedTable staged = stageValidated(request.table(), request.metadata().schema());
        long stagedAt = System.nanoTime();
        PublishResult result;
        try {
            result = QuarkusTransaction.requiringNew().call(() -> commit(request, staged));
        } catch (RuntimeException e) {
            if (isConcurrentChange(e)) {
                throw ProblemException.conflict("Dataset '" + request.metadata().identifier()
                        + "' was changed by another publish at the same time; reload it and try again");
            }
            if (isRefusedByDatabase(e)) {
                LOG.warnf(e, "The database refused a value the publishing rules let through (%s)", request.metadata().identifier());
                throw ProblemException.invalid("A value is too long or out of range for the portal's database",
                        List.of(FieldError.of("table", "a value is too long, out of range or not allowed")));
            }
            throw e;
        } finally {
            files.discard(staged.file());
        }
        long committed = System.nanoTime();
        LOG.infof("Published %s release %d (%d rows) by %s; %d ms: validated and staged %d ms (download fingerprints %d ms of it), "
                        + "committed %d ms", result.slug(), result.releaseNumber(), result.rowCount(), request.actor(),
                (committed - start) / 1_000_000, (stagedAt - start) / 1_000_000, staged.fingerprintNanos() / 1_000_000,
                (committed - stagedAt) / 1_000_000);
        steps.reached(PublishSteps.Step.COMMITTED, result.slug());
        published.fire(new Published(result.slug(), result.releaseNumber()));
        return result;
    }

    /**
     * Two publishes of one dataset at once: the later commit trips the dataset's version check, a row lock
     * held by the other, or the unique (dataset, release number) and (slug) constraints; nothing of it is stored.
     */
    private static boolean isConcurrentChange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof jakarta.persistence.LockTimeoutException
                    || t instanceof org.hibernate.StaleStateException
                    || t instanceof org.hibernate.PessimisticLockException) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation) {
                return UNIQUE_VIOLATION.equals(violation.getSQLState());
            }
        }
        return false;
    }

    /** A value the rules let through but a column refuses: a gap in the rules, still the client's input. */
    private static boolean isRefusedByDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.DataException
                    || t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE of a unique-key violation, on PostgreSQL and H2 alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * A table checked against its schema and written, canonical, to the file store's staging area, with
     * the fingerprints of the downloads derived from it (computed here, outside the transaction).
     */
    private record StagedTable(FileStore.Staged file, long rowCount, FileStore.Fingerprint json,
                               FileStore.Fingerprint excelCsv, long fingerprintNanos) {
    }

    private StagedTable stageValidated(Path table, TableSchema schema) {
        ValidatedTables.Checked checked = ValidatedTables.stage(files, table, schema);
        FileStore.Staged staged = checked.file();
        try {
            long start = System.nanoTime();
            FileStore.Fingerprint json = FileStore.fingerprint(out -> TableWriters.writeJson(staged.path(), schema, out));
            FileStore.Fingerprint excelCsv = FileStore.fingerprint(out -> TableWriters.writeExcelCsv(staged.path(), schema, out));
            return new StagedTable(staged, checked.rowCount(), json, excelCsv, System.nanoTime() - start);
        } catch (IOException | RuntimeException e) {
            files.discard(staged);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private PublishResult commit(PublishRequest request, StagedTable staged) throws IOException {
        DatasetMetadata m = request.metadata();
        Dataset dataset = datasets.findBySlug(m.identifier()).orElse(null);
        boolean created = dataset == null;
        Release previous = created || dataset.currentReleaseId == null ? null : releases.findById(dataset.currentReleaseId);
        String before = previous == null ? null : previous.metadataJson;
        Instant now = issueTime(previous);
        if (created) {
            dataset = new Dataset();
            dataset.slug = m.identifier();
            dataset.createdAt = now;
        } else if (request.expectedVersion() != null && request.expectedVersion() != dataset.version) {
            throw ProblemException.conflict("Dataset '" + m.identifier() + "' changed since version "
                    + request.expectedVersion() + " (it is now at version " + dataset.version + "); reload and try again");
        }
        StaffUpload upload = request.uploadId() == null ? null : claimUpload(request.uploadId(), dataset);
        applyMetadata(dataset, m, now, DatasetStatus.PUBLISHED);
        dataset.pendingMetadataJson = null;
        dataset.withdrawnAt = null; // a new release brings a withdrawn dataset back; its history keeps the withdrawal
        dataset.withdrawalReason = null;
        datasets.persist(dataset);

        Path stored = files.keep(staged.file());
        steps.reached(PublishSteps.Step.FILE_STORED, dataset.slug);
        Release release = new Release();
        release.datasetId = dataset.id;
        release.number = releases.lastNumber(dataset.id) + 1;
        release.status = ReleaseStatus.PUBLISHED;
        release.issuedAt = now;
        release.changeNote = request.changeNote().strip();
        release.publishedBy = request.actor();
        release.origin = request.origin();
        release.fileSha256 = staged.file().sha256();
        release.byteSize = staged.file().byteSize();
        release.rowCount = staged.rowCount();
        release.jsonByteSize = staged.json().byteSize();
        release.jsonSha256 = staged.json().sha256();
        release.excelCsvByteSize = staged.excelCsv().byteSize();
        release.excelCsvSha256 = staged.excelCsv().sha256();
        release.primaryKey = String.join(",", m.schema().primaryKey());
        release.columns = m.schema().columns().stream().map(ReleaseColumn::from).toList();
        // "data.csv" resolves, against the metadata's own URL, to the CSV it describes: the latest one
        // beside /api/datasets/{id}/csv-metadata.json, release n's beside /releases/{n}/csv-metadata.json.
        release.metadataJson = json.writeValueAsString(CsvwMetadata.write(m, "data.csv"));
        releases.persist(release);
        releases.flush();
        dataset.currentReleaseId = release.id;
        if (upload != null) {
            upload.state = StaffUpload.State.PUBLISHED;
            upload.releaseId = release.id;
            upload.changeNote = release.changeNote;
        }

        TableProfile profile = m.profile() == null ? null : TableProfile.of(m.profile()).orElseThrow();
        for (ReleaseProcessor processor : processors) {
            if (processor.profile() == profile) {
                processor.apply(new ReleaseProcessor.PublishedRelease(dataset.id, dataset.slug, release.id,
                        release.number, stored, m.schema()));
            }
        }
        recordOutbox(dataset.slug, release.id, now);
        audit(request.actor(), "publish", dataset.slug, "release " + release.number + " (" + release.rowCount + " rows): "
                + release.changeNote, before, release.metadataJson, now);
        if (request.seedFingerprint() != null) {
            recordSeedImport(dataset.slug, request.seedFingerprint(), release.id, now);
        }
        return new PublishResult(dataset.slug, release.number, release.rowCount, created);
    }

    /**
     * The upload a publish carries, still waiting, and compared with the release that is still current:
     * when another release went live in between, its diff is stale and the later publish gets 409.
     */
    private static StaffUpload claimUpload(String uploadId, Dataset dataset) {
        StaffUpload upload = StaffUpload.<StaffUpload>findByIdOptional(uploadId)
                .filter(u -> dataset != null && u.datasetId.equals(dataset.id))
                .orElseThrow(() -> ProblemException.notFound("upload of dataset " + (dataset == null ? "?" : dataset.slug), uploadId));
        if (upload.state != StaffUpload.State.VALIDATED && upload.state != StaffUpload.State.SUBMITTED) {
            throw ProblemException.conflict("Upload " + uploadId + " is " + upload.state.name().toLowerCase()
                    + "; only a waiting upload can be published");
        }
        if (!java.util.Objects.equals(upload.baseReleaseId, dataset.currentReleaseId)) {
            throw ProblemException.conflict("Another release of '" + dataset.slug + "' was published after this upload"
                    + " was checked; upload the file again to compare it with the current release");
        }
        return upload;
    }

    /**
     * Creates a dataset as a draft: its record exists for its publisher's staff, nothing of it is public
     * until its first release is published. The identifier is fixed from now on.
     */
    @ActivateRequestContext
    public void createDraft(DatasetMetadata m, String actor) {
        List<FieldError> errors = validator.validate(m);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The metadata is not valid: " + errors.size() + " problem(s)", errors);
        }
        String metadataJson = writeMetadata(m);
        QuarkusTransaction.requiringNew().run(() -> {
            if (datasets.findBySlug(m.identifier()).isPresent()) {
                throw ProblemException.conflict("The identifier '" + m.identifier() + "' is taken; identifiers never change or get reused");
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Dataset dataset = new Dataset();
            dataset.slug = m.identifier();
            dataset.createdAt = now;
            applyMetadata(dataset, m, now, DatasetStatus.DRAFT);
            dataset.pendingMetadataJson = metadataJson;
            datasets.persist(dataset);
            audit(actor, "create", m.identifier(), "draft dataset created", null, metadataJson, now);
        });
    }

    /**
     * Saves edited metadata. A draft takes it at once; a published dataset keeps showing its current
     * release's metadata until the next release (an upload, or a metadata-only release) applies it.
     */
    @ActivateRequestContext
    public void updateMetadata(String slug, DatasetMetadata m, Long expectedVersion, String actor) {
        List<FieldError> errors = new java.util.ArrayList<>(validator.validate(m));
        if (m.identifier() != null && !m.identifier().equals(slug)) {
            errors.add(FieldError.of("identifier", "cannot change (it is '" + slug + "')"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The metadata is not valid: " + errors.size() + " problem(s)", errors);
        }
        String metadataJson = writeMetadata(m);
        QuarkusTransaction.requiringNew().run(() -> {
            Dataset dataset = datasets.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("dataset", slug));
            if (expectedVersion != null && expectedVersion != dataset.version) {
                throw ProblemException.conflict("Dataset '" + slug + "' changed since version " + expectedVersion
                        + " (it is now at version " + dataset.version + "); reload and try again");
            }
            String before = dataset.pendingMetadataJson != null ? dataset.pendingMetadataJson
                    : dataset.currentReleaseId == null ? null : releases.findById(dataset.currentReleaseId).metadataJson;
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            if (dataset.status == DatasetStatus.DRAFT) {
                applyMetadata(dataset, m, now, DatasetStatus.DRAFT);
            } else {
                dataset.modifiedAt = now; // bumps the version: a concurrent editor gets 409
            }
            dataset.pendingMetadataJson = metadataJson;
            audit(actor, "edit-metadata", slug, dataset.status == DatasetStatus.DRAFT
                    ? "draft metadata saved" : "metadata saved; applies with the next release", before, metadataJson, now);
        });
    }

    private String writeMetadata(DatasetMetadata m) {
        try {
            return json.writeValueAsString(CsvwMetadata.write(m, "data.csv"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Withdraws a whole dataset with a reason: its URLs then answer 410 Gone, it leaves the catalog and the
     * projections, and its record and releases stay in history. Publishing a new release brings it back.
     */
    @ActivateRequestContext
    public void withdrawDataset(String slug, String reason, String actor) {
        String why = requireReason(reason);
        QuarkusTransaction.requiringNew().run(() -> {
            Dataset dataset = datasets.findBySlug(slug).filter(d -> d.status == DatasetStatus.PUBLISHED)
                    .orElseThrow(() -> ProblemException.notFound("dataset", slug));
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            dataset.status = DatasetStatus.WITHDRAWN;
            dataset.withdrawnAt = now;
            dataset.withdrawalReason = why;
            dataset.modifiedAt = now;
            OutboxEvent.append(OutboxEvent.DATASET_WITHDRAWN, slug, dataset.currentReleaseId, now);
            audit(actor, "withdraw", slug, "dataset withdrawn: " + why, null, null, now);
        });
        LOG.infof("Withdrew dataset %s by %s", slug, actor);
        published.fire(new Published(slug, 0));
    }

    /**
     * Withdraws one release with a reason: its numbered URLs answer 410 Gone and the dataset's latest URLs
     * move back to the newest release still published (the dataset is withdrawn when none is left).
     * A correction is a new release, never an edit of this one.
     */
    @ActivateRequestContext
    public void withdrawRelease(String slug, int number, String reason, String actor) {
        String why = requireReason(reason);
        QuarkusTransaction.requiringNew().run(() -> {
            Dataset dataset = datasets.findBySlug(slug).filter(d -> d.status == DatasetStatus.PUBLISHED)
                    .orElseThrow(() -> ProblemException.notFound("dataset", slug));
            Release release = releases.findByNumber(dataset.id, number)
                    .filter(r -> r.status == ReleaseStatus.PUBLISHED)
                    .orElseThrow(() -> ProblemException.notFound("release of dataset " + slug, String.valueOf(number)));
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            release.status = ReleaseStatus.WITHDRAWN;
            release.withdrawnAt = now;
            release.withdrawalReason = why;
            if (release.id.equals(dataset.currentReleaseId)) {
                Release fallback = releases.listFor(dataset.id).stream()
                        .filter(r -> r.status == ReleaseStatus.PUBLISHED && !r.id.equals(release.id))
                        .max(java.util.Comparator.comparingInt(r -> r.number)).orElse(null);
                if (fallback == null) {
                    dataset.status = DatasetStatus.WITHDRAWN;
                    dataset.withdrawnAt = now;
                    dataset.withdrawalReason = why;
                } else {
                    dataset.currentReleaseId = fallback.id;
                }
            }
            dataset.modifiedAt = now;
            OutboxEvent.append(OutboxEvent.RELEASE_WITHDRAWN, slug, release.id, now);
            audit(actor, "withdraw", slug, "release " + number + " withdrawn: " + why, null, null, now);
        });
        LOG.infof("Withdrew release %d of %s by %s", number, slug, actor);
        published.fire(new Published(slug, number));
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("A reason is required to withdraw", List.of(FieldError.of("reason", "is required")));
        }
        return reason.strip();
    }

    private void audit(String actor, String action, String slug, String summary, String before, String after, Instant now) {
        audit.record(actor, action, "dataset", slug, summary, before, after, now);
    }

    /**
     * Now, to the second (HTTP dates have no finer grain), and always after the previous release, so a
     * client's If-Modified-Since can never mistake a new release for the one it has.
     */
    private static Instant issueTime(Release previous) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return previous != null && !now.isAfter(previous.issuedAt) ? previous.issuedAt.plusSeconds(1) : now;
    }

    private void applyMetadata(Dataset d, DatasetMetadata m, Instant now, DatasetStatus status) {
        d.status = status;
        d.titleZh = m.title().zh().strip();
        d.titleEn = m.title().en();
        d.descriptionZh = m.description().zh().strip();
        d.descriptionEn = m.description().en();
        d.publisherId = m.publisher();
        d.temporalStart = m.temporalStart();
        d.temporalEnd = m.temporalEnd();
        d.spatial = m.spatial();
        d.license = reference.findConceptByUri(Scheme.LICENSE, m.license()).orElseThrow().code();
        d.accrualPeriodicity = reference.findConceptByUri(Scheme.FREQUENCY, m.accrualPeriodicity()).orElseThrow().code();
        d.profile = m.profile();
        d.modifiedAt = now;
        d.themes.clear();
        m.themes().forEach(t -> d.themes.add(reference.findConceptByUri(Scheme.THEME, t).orElseThrow().code()));
        d.keywords.clear();
        m.keywords().forEach(k -> d.keywords.add(new Keyword(k.language(), k.text())));
        d.sources.clear();
        d.sources.addAll(m.sources());
    }

    private static void recordOutbox(String slug, Long releaseId, Instant now) {
        OutboxEvent.append(OutboxEvent.RELEASE_PUBLISHED, slug, releaseId, now);
    }

    private static void recordSeedImport(String slug, PublishRequest.SeedFingerprint fingerprint, Long releaseId, Instant now) {
        SeedImport seed = SeedImport.<SeedImport>findByIdOptional(slug).orElseGet(SeedImport::new);
        seed.slug = slug;
        seed.dataSha256 = fingerprint.dataSha256();
        seed.metadataSha256 = fingerprint.metadataSha256();
        seed.releaseId = releaseId;
        seed.importedAt = now;
        seed.persist();
    }
}
