package cn.zjdata.portal.publishing;

import cn.zjdata.portal.catalog.Dataset;
import cn.zjdata.portal.catalog.DatasetMetadata;
import cn.zjdata.portal.catalog.DatasetRepository;
import cn.zjdata.portal.catalog.Release;
import cn.zjdata.portal.catalog.ReleaseRepository;
import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.tabular.TableDiff;
import cn.zjdata.portal.tabular.TableSchema;
import cn.zjdata.portal.tabular.UploadFileName;
import cn.zjdata.portal.tabular.UploadReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Staff uploads, before they become releases: an uploaded CSV or XLSX file is converted to canonical UTF-8
 * CSV, checked against the schema the dataset's next release will have, compared with the current release,
 * and kept as a waiting upload. Publishing it (directly, or after review) goes through
 * {@link PublishingService#publish}. An invalid upload keeps nothing.
 */
@ApplicationScoped
public class UploadService {

    private static final Logger LOG = Logger.getLogger(UploadService.class);

    private final FileStore files;
    private final DatasetRepository datasets;
    private final ReleaseRepository releases;
    private final PublishingService publishing;
    private final ObjectMapper json;
    private final AuditLog audit;

    public UploadService(FileStore files, DatasetRepository datasets, ReleaseRepository releases,
                         PublishingService publishing, ObjectMapper json, AuditLog audit) {
        this.files = files;
        this.datasets = datasets;
        this.releases = releases;
        this.publishing = publishing;
        this.json = json;
        this.audit = audit;
    }

    /** The bytes a client sent, on disk, with what it said they were. */
    public record Received(Path path, String fileName, String contentType) {
    }

    /** What the next release of a dataset is compared with and checked against. */
    private record Target(long datasetId, String slug, String metadataJson, DatasetMetadata metadata,
                          Long baseReleaseId, String baseSha256, TableSchema baseSchema) {
    }

    /**
     * Converts, checks and compares an upload. Throws 415 for a file that is neither CSV nor XLSX and 422
     * with the problems found (row, column, value) when it does not match the schema; then nothing is kept.
     */
    public StaffUpload receive(String slug, Received received, String actor) {
        String fileName = received.fileName() == null || received.fileName().isBlank() ? null : UploadFileName.check(received.fileName());
        long start = System.nanoTime();
        Target target = target(slug);
        Path work = tempFile();
        try {
            UploadReader.Normalized normalized = UploadReader.normalize(received.path(), fileName, received.contentType(), work);
            long converted = System.nanoTime();
            ValidatedTables.Checked checked = ValidatedTables.stage(files, normalized.csv(), target.metadata().schema());
            long validated = System.nanoTime();
            try {
                TableDiff diff = target.baseSha256() == null ? null
                        : TableDiff.compare(files.path(target.baseSha256()), target.baseSchema(), checked.file().path(), target.metadata().schema());
                long compared = System.nanoTime();
                Path kept = files.keep(checked.file());
                StaffUpload upload = new StaffUpload();
                upload.id = UUID.randomUUID().toString();
                upload.datasetId = target.datasetId();
                upload.uploadedBy = actor;
                upload.uploadedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                upload.fileName = fileName;
                upload.format = normalized.format().name().toLowerCase();
                upload.charset = normalized.charset();
                upload.delimiter = String.valueOf(normalized.delimiter());
                upload.fileSha256 = checked.file().sha256();
                upload.byteSize = Files.size(kept);
                upload.rowCount = checked.rowCount();
                upload.metadataJson = target.metadataJson();
                upload.diffJson = diff == null ? null : json.writeValueAsString(diff);
                upload.baseReleaseId = target.baseReleaseId();
                upload.state = StaffUpload.State.VALIDATED;
                QuarkusTransaction.requiringNew().run(() -> {
                    upload.persist();
                    audit.record(actor, "upload", "dataset", slug, "uploaded " + (fileName == null ? "a file" : fileName)
                            + " (" + upload.format + ", " + upload.charset + ", " + upload.rowCount + " rows)", null, null);
                });
                long recorded = System.nanoTime();
                LOG.infof("Upload %s for %s: %d rows, %s; %d ms: read and converted %d ms, validated and staged %d ms, "
                                + "compared %s, kept and recorded %d ms", upload.id, slug, upload.rowCount, upload.charset,
                        millis(start, recorded), millis(start, converted), millis(converted, validated),
                        diff == null ? "(first release)" : millis(validated, compared) + " ms", millis(compared, recorded));
                return upload;
            } catch (IOException e) {
                files.discard(checked.file());
                throw new UncheckedIOException(e);
            }
        } finally {
            deleteQuietly(work);
        }
    }

    /**
     * A waiting upload made of the current release's data and the metadata saved since: how a metadata
     * change becomes a release, through the same review and publish steps as a new file.
     */
    public StaffUpload fromCurrentData(String slug, String actor) {
        Target target = target(slug);
        if (target.baseSha256() == null) {
            throw ProblemException.invalid("The dataset has no published data yet",
                    List.of(FieldError.of("file", "upload a file for the first release")));
        }
        if (!target.metadata().schema().equals(target.baseSchema())) {
            throw ProblemException.invalid("The saved metadata changes the columns",
                    List.of(FieldError.of("schema", "a change of columns needs a new file: upload one")));
        }
        StaffUpload upload = new StaffUpload();
        Release base = QuarkusTransaction.requiringNew().call(() -> releases.findById(target.baseReleaseId()));
        upload.id = UUID.randomUUID().toString();
        upload.datasetId = target.datasetId();
        upload.uploadedBy = actor;
        upload.uploadedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        upload.format = "csv";
        upload.charset = "UTF-8";
        upload.delimiter = ",";
        upload.fileSha256 = base.fileSha256;
        upload.byteSize = base.byteSize;
        upload.rowCount = base.rowCount;
        upload.metadataJson = target.metadataJson();
        upload.baseReleaseId = base.id;
        upload.state = StaffUpload.State.VALIDATED;
        try {
            // the same file under the same columns (checked above): nothing to read to know the rows are unchanged
            upload.diffJson = json.writeValueAsString(TableDiff.identical(base.rowCount, !target.baseSchema().primaryKey().isEmpty()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            upload.persist();
            audit.record(actor, "upload", "dataset", slug, "metadata-only release prepared", null, null);
        });
        return upload;
    }

    /** Publishes a waiting upload as the dataset's next release. */
    public PublishResult publish(StaffUpload upload, String changeNote, Long expectedVersion, String actor) {
        DatasetMetadata metadata = parse(upload.metadataJson);
        return publishing.publish(new PublishRequest(metadata, files.path(upload.fileSha256), changeNote, actor,
                "staff-upload", expectedVersion, null, upload.id));
    }

    /** Puts a waiting upload in the review queue with its change note. */
    public void submit(StaffUpload upload, String changeNote, String actor, String slug) {
        QuarkusTransaction.requiringNew().run(() -> {
            StaffUpload u = waiting(upload.id, StaffUpload.State.VALIDATED);
            u.state = StaffUpload.State.SUBMITTED;
            u.changeNote = changeNote.strip();
            u.submittedBy = actor;
            u.submittedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            audit.record(actor, "submit", "dataset", slug, "upload " + u.id + " submitted for review: " + u.changeNote, null, null);
        });
    }

    /** Rejects a submitted upload with a reason; the submitter can upload a corrected file. */
    public void reject(StaffUpload upload, String reason, String actor, String slug) {
        QuarkusTransaction.requiringNew().run(() -> {
            StaffUpload u = waiting(upload.id, StaffUpload.State.SUBMITTED);
            u.state = StaffUpload.State.REJECTED;
            u.decidedBy = actor;
            u.decidedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            u.decisionNote = reason.strip();
            audit.record(actor, "reject", "dataset", slug, "upload " + u.id + " rejected: " + u.decisionNote, null, null);
        });
    }

    /** Records the reviewer's approval on a submitted upload, in the publish's own audit trail. */
    public void recordApproval(StaffUpload upload, String actor, String slug) {
        QuarkusTransaction.requiringNew().run(() -> {
            StaffUpload u = waiting(upload.id, StaffUpload.State.SUBMITTED);
            u.decidedBy = actor;
            u.decidedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            audit.record(actor, "approve", "dataset", slug, "upload " + u.id + " approved", null, null);
        });
    }

    private static StaffUpload waiting(String id, StaffUpload.State state) {
        StaffUpload u = StaffUpload.findById(id);
        if (u == null) {
            throw ProblemException.notFound("upload", id);
        }
        if (u.state != state) {
            throw ProblemException.conflict("Upload " + id + " is " + u.state.name().toLowerCase() + ", not " + state.name().toLowerCase());
        }
        return u;
    }

    private Target target(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Dataset d = datasets.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("dataset", slug));
            Release base = d.currentReleaseId == null ? null : releases.findById(d.currentReleaseId);
            String metadataJson = d.pendingMetadataJson != null ? d.pendingMetadataJson : base.metadataJson;
            TableSchema baseSchema = base == null ? null : parse(base.metadataJson).schema();
            return new Target(d.id, d.slug, metadataJson, parse(metadataJson), base == null ? null : base.id,
                    base == null ? null : base.fileSha256, baseSchema);
        });
    }

    DatasetMetadata parse(String metadataJson) {
        try {
            CsvwMetadata.Parsed parsed = CsvwMetadata.read(json.readTree(metadataJson));
            if (!parsed.errors().isEmpty()) {
                throw new IllegalStateException("stored metadata does not parse: " + parsed.errors());
            }
            return parsed.metadata();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path tempFile() {
        try {
            return Files.createTempFile(Files.createDirectories(files.tempDirectory()), "upload-", ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.debugf("Could not delete %s: %s", path, e.getMessage());
        }
    }
}
