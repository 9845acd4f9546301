package cn.zjdata.portal.publishing;

/** Fired after a withdrawal has committed: the projections have a new outbox event to apply. */
public record Withdrawn(String slug, int releaseNumber) {
}
