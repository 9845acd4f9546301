package cn.zjdata.portal.publishing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * A staff upload: converted to canonical CSV, checked against the schema it names, compared with the
 * release it would follow, and kept (by content, in the file store) until it is published, reviewed or
 * superseded. An upload never changes; only its state moves.
 */
@Entity
@Table(name = "staff_upload")
public class StaffUpload extends PanacheEntityBase {

    public enum State { VALIDATED, SUBMITTED, PUBLISHED, REJECTED, SUPERSEDED }

    @Id
    public String id;
    @Column(name = "dataset_id", nullable = false)
    public Long datasetId;
    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;
    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;
    @Column(name = "file_name")
    public String fileName;
    @Column(nullable = false)
    public String format;
    @Column(nullable = false)
    public String charset;
    @Column(nullable = false)
    public String delimiter;
    @Column(name = "file_sha256", nullable = false)
    public String fileSha256;
    @Column(name = "byte_size", nullable = false)
    public long byteSize;
    @Column(name = "row_count", nullable = false)
    public long rowCount;
    /** The metadata (CSVW JSON, with the schema the file was checked against) the release will carry. */
    @Column(name = "metadata_json", nullable = false)
    public String metadataJson;
    /** The comparison with the base release (JSON of a TableDiff), null for a first release. */
    @Column(name = "diff_json")
    public String diffJson;
    /** The dataset's current release when the upload was compared; publishing requires it still is. */
    @Column(name = "base_release_id")
    public Long baseReleaseId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;
    @Column(name = "change_note")
    public String changeNote;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decision_note")
    public String decisionNote;
    @Column(name = "release_id")
    public Long releaseId;

    public static List<StaffUpload> forDataset(long datasetId) {
        return list("datasetId = ?1 order by uploadedAt desc", datasetId);
    }

    public static List<StaffUpload> inState(State state) {
        return list("state = ?1 order by submittedAt", state);
    }
}
