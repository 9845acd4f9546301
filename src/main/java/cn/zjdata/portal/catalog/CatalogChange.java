package cn.zjdata.portal.catalog;

import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.common.NamedRef;

import java.time.Instant;

/**
 * Something that happened to the public catalog, as the recent-changes page and the Atom feeds tell it: a
 * release published, a release withdrawn, or a whole dataset withdrawn. A withdrawn release keeps its
 * publish event: both are history.
 *
 * @param dataset  the dataset's identifier (slug)
 * @param title    the dataset's current title
 * @param release  the release published or withdrawn; 0 when a whole dataset was withdrawn
 * @param at       when it happened (the release's issue time, or the withdrawal time)
 * @param text     the change note of a publish, the reason of a withdrawal
 * @param rowCount the rows of the release published; 0 for a withdrawal
 */
public record CatalogChange(Kind kind, String dataset, LocalizedText title, NamedRef publisher, int release,
                            Instant at, String text, long rowCount) {

    public enum Kind {
        RELEASE_PUBLISHED, RELEASE_WITHDRAWN, DATASET_WITHDRAWN;

        public boolean withdrawal() {
            return this != RELEASE_PUBLISHED;
        }
    }
}
