package cn.zjdata.portal.publishing;

/** What a publish produced. */
public record PublishResult(String slug, int releaseNumber, long rowCount, boolean createdDataset) {
}
