package cn.zjdata.portal.publishing;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Appends to the audit log, inside the caller's transaction: the entry commits with the change it records. */
@ApplicationScoped
public class AuditLog {

    public void record(String actor, String action, String targetType, String targetId, String summary,
                       String beforeJson, String afterJson) {
        record(actor, action, targetType, targetId, summary, beforeJson, afterJson, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** As {@link #record(String, String, String, String, String, String, String)}, at the time the change states. */
    public void record(String actor, String action, String targetType, String targetId, String summary,
                       String beforeJson, String afterJson, Instant at) {
        AuditEntry entry = new AuditEntry();
        entry.occurredAt = at;
        entry.actor = actor;
        entry.action = action;
        entry.targetType = targetType;
        entry.targetId = targetId;
        entry.summary = summary;
        entry.beforeJson = beforeJson;
        entry.afterJson = afterJson;
        entry.persist();
    }
}
