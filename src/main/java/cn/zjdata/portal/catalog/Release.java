package cn.zjdata.portal.catalog;

import cn.zjdata.portal.tabular.TableSchema;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Release N of a dataset: an immutable file (by content hash), the schema it was checked against, and a
 * snapshot of the dataset's metadata at the time. Only {@link #status} and the withdrawal fields ever change.
 */
@Entity
@Table(name = "dataset_release")
public class Release {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "dataset_id", nullable = false)
    public Long datasetId;
    @Column(nullable = false)
    public int number;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReleaseStatus status;
    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;
    @Column(name = "change_note", nullable = false)
    public String changeNote;
    @Column(name = "published_by", nullable = false)
    public String publishedBy;
    /** How the release arrived: "seed-import" or "upload". */
    @Column(nullable = false)
    public String origin;
    @Column(name = "file_sha256", nullable = false)
    public String fileSha256;
    @Column(name = "byte_size", nullable = false)
    public long byteSize;
    /** The JSON download's size and SHA-256 (null for releases published before they were recorded). */
    @Column(name = "json_byte_size")
    public Long jsonByteSize;
    @Column(name = "json_sha256")
    public String jsonSha256;
    /** The Excel-friendly CSV download's size and SHA-256 (null as above). */
    @Column(name = "excel_csv_byte_size")
    public Long excelCsvByteSize;
    @Column(name = "excel_csv_sha256")
    public String excelCsvSha256;
    @Column(name = "row_count", nullable = false)
    public long rowCount;
    /** The dataset's metadata when released, as CSVW JSON. */
    @Column(name = "metadata_json", nullable = false)
    public String metadataJson;
    /** The columns that identify a row, comma-separated; empty when the schema names none. */
    @Column(name = "primary_key")
    public String primaryKey;
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;
    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "release_column", joinColumns = @JoinColumn(name = "release_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 50)
    public List<ReleaseColumn> columns = new ArrayList<>();

    public TableSchema schema() {
        List<String> key = primaryKey == null || primaryKey.isBlank() ? List.of() : List.of(primaryKey.split(","));
        return new TableSchema(columns.stream().map(ReleaseColumn::toColumn).toList(), key);
    }
}
