package cn.zjdata.portal.publishing;

import cn.zjdata.portal.catalog.DatasetMetadata;

import java.nio.file.Path;

/**
 * A request to publish a new release of a dataset (creating the dataset on its first release).
 *
 * @param table           a UTF-8 CSV file with a header row
 * @param expectedVersion the dataset version the publisher last saw; null to skip the stale-version check
 * @param seedFingerprint set by the seed import: recorded in the same transaction so a restart never imports twice
 * @param uploadId        the staff upload being published: marked published in the same transaction, and the
 *                        publish refused (409) when another release went live after the upload was compared
 */
public record PublishRequest(DatasetMetadata metadata, Path table, String changeNote, String actor, String origin,
                             Long expectedVersion, SeedFingerprint seedFingerprint, String uploadId) {

    public PublishRequest(DatasetMetadata metadata, Path table, String changeNote, String actor, String origin,
                          Long expectedVersion, SeedFingerprint seedFingerprint) {
        this(metadata, table, changeNote, actor, origin, expectedVersion, seedFingerprint, null);
    }

    /** The hashes of a seed folder's files at the time of the import. */
    public record SeedFingerprint(String dataSha256, String metadataSha256) {
    }
}
