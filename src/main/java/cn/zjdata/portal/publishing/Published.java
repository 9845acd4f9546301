package cn.zjdata.portal.publishing;

/**
 * Fired after a change to the catalog has committed (a release published, a release or a dataset
 * withdrawn): the projections have new outbox events to apply, and caches of published data are stale.
 * {@code releaseNumber} is the release published or withdrawn, 0 for a whole dataset.
 */
public record Published(String slug, int releaseNumber) {
}
