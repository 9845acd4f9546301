package cn.zjdata.portal.catalog;

import cn.zjdata.portal.common.LocalizedText;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A dataset's current catalog record. Its identifier ({@link #slug}) never changes; its metadata is that
 * of its current release, and every release keeps its own snapshot.
 */
@Entity
@Table(name = "dataset")
public class Dataset {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false, unique = true)
    public String slug;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DatasetStatus status;
    @Column(name = "title_zh", nullable = false)
    public String titleZh;
    @Column(name = "title_en")
    public String titleEn;
    @Column(name = "description_zh", nullable = false)
    public String descriptionZh;
    @Column(name = "description_en")
    public String descriptionEn;
    @Column(name = "publisher_id", nullable = false)
    public String publisherId;
    @Column(name = "temporal_start")
    public String temporalStart;
    @Column(name = "temporal_end")
    public String temporalEnd;
    public String spatial;
    @Column(nullable = false)
    public String license;
    @Column(name = "accrual_periodicity", nullable = false)
    public String accrualPeriodicity;
    /** The table profile the data follows (observations, indicators, task-targets), if any. */
    public String profile;
    @Column(name = "current_release_id")
    public Long currentReleaseId;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;
    @Column(name = "withdrawal_reason")
    public String withdrawalReason;
    @Column(name = "modified_at", nullable = false)
    public Instant modifiedAt;
    /** Metadata (CSVW JSON) a publisher has saved but not yet published; the next release applies it. */
    @Column(name = "pending_metadata_json")
    public String pendingMetadataJson;
    @Version
    public long version;

    @ElementCollection
    @CollectionTable(name = "dataset_theme", joinColumns = @JoinColumn(name = "dataset_id"))
    @Column(name = "theme")
    @BatchSize(size = 100)
    public Set<String> themes = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "dataset_keyword", joinColumns = @JoinColumn(name = "dataset_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    public List<Keyword> keywords = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "dataset_source", joinColumns = @JoinColumn(name = "dataset_id"))
    @OrderColumn(name = "position")
    @Column(name = "document_id")
    @BatchSize(size = 100)
    public List<String> sources = new ArrayList<>();

    public LocalizedText title() {
        return LocalizedText.of(titleZh, titleEn);
    }

    public LocalizedText description() {
        return LocalizedText.of(descriptionZh, descriptionEn);
    }
}
