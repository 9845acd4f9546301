package cn.zjdata.portal.publishing;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Appends to the audit log, inside the caller's transaction: the entry commits with the change it records. */
@ApplicationScoped
public class AuditLog {

    public void record(String actor, String action, String targetType, String targetId, String summary,
                       String beforeJson, String afterJson) {
        AuditEntry entry = new AuditEntry();
        entry.occurredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
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
