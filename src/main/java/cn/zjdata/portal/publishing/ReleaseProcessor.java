package cn.zjdata.portal.publishing;

import cn.zjdata.portal.tabular.TableSchema;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Derives records from a release of a given table profile, inside the publish transaction: the indicator
 * registry and the observations are kept this way. Throwing a {@code ProblemException} refuses the publish
 * and nothing is stored.
 */
public interface ReleaseProcessor {

    TableProfile profile();

    void apply(PublishedRelease release) throws IOException;

    /** The release being published: its stored file is canonical and already matches its schema. */
    record PublishedRelease(long datasetId, String slug, long releaseId, int number, Path file, TableSchema schema) {
    }
}
