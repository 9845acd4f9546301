package cn.zjdata.portal.publishing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** Where a projection stands in the outbox: the last event it has applied. */
@Entity
@Table(name = "projection_cursor")
public class ProjectionCursor extends PanacheEntityBase {

    @Id
    public String projection;
    @Column(name = "last_event_id", nullable = false)
    public long lastEventId;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The events a projection has not applied yet, oldest first. */
    public static List<OutboxEvent> pendingFor(String projection) {
        long after = ProjectionCursor.<ProjectionCursor>findByIdOptional(projection).map(c -> c.lastEventId).orElse(0L);
        return OutboxEvent.list("id > ?1 order by id", after);
    }

    /** Records that a projection has applied every event up to and including {@code eventId}. */
    public static void advance(String projection, long eventId) {
        ProjectionCursor cursor = ProjectionCursor.<ProjectionCursor>findByIdOptional(projection).orElseGet(ProjectionCursor::new);
        cursor.projection = projection;
        cursor.lastEventId = Math.max(cursor.lastEventId, eventId);
        cursor.updatedAt = Instant.now();
        cursor.persist();
    }

    /** The newest event, so a full rebuild can start its cursor there. */
    public static long latestEventId() {
        OutboxEvent latest = OutboxEvent.find("order by id desc").firstResult();
        return latest == null ? 0 : latest.id;
    }
}
