package cn.zjdata.portal.publishing;

/** Fired after a publish has committed: the projections have new outbox events to apply. */
public record Published(String slug, int releaseNumber) {
}
