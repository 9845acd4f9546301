package cn.zjdata.portal.staff;

import cn.zjdata.portal.tabular.TableDiff;

import java.time.Instant;
import java.util.List;

/** What the staff API answers with. */
public final class StaffViews {

    private StaffViews() {
    }

    /** A dataset as its staff see it: state, current release, saved metadata, waiting uploads. */
    public record DatasetSummary(String identifier, String titleZh, String titleEn, String publisher, String status,
                                 Integer currentRelease, boolean pendingMetadata, long version, Instant modifiedAt,
                                 boolean reviewRequired) {
    }

    public record DatasetDetail(DatasetSummary dataset, Object metadata, List<ReleaseSummary> releases,
                                List<UploadView> uploads) {
    }

    public record ReleaseSummary(int number, String status, Instant issuedAt, String changeNote, String publishedBy,
                                 long rows, Instant withdrawnAt, String withdrawalReason) {
    }

    /**
     * An upload waiting to become a release: what was detected, how many rows, the comparison with the
     * current release, and the first rows.
     */
    public record UploadView(String id, String dataset, String state, String fileName, String format, String charset,
                             String delimiter, long rows, long byteSize, String sha256, Instant uploadedAt,
                             String uploadedBy, Integer baseRelease, TableDiff diff, boolean schemaChanged,
                             String changeNote, String submittedBy, Instant submittedAt, String decidedBy,
                             String decisionNote, Integer release, Preview preview) {
    }

    /** The first rows of an upload, as text. */
    public record Preview(List<String> header, List<List<String>> rows) {
    }

    /** The outcome of a release request: published (201) or waiting for review (202). */
    public record ReleaseOutcome(String outcome, String dataset, Integer release, String upload, String location) {
    }

    public record AuditView(long id, Instant occurredAt, String actor, String action, String targetType,
                            String targetId, String summary, Object before, Object after) {
    }
}
