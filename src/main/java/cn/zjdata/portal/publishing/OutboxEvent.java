package cn.zjdata.portal.publishing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A change committed to the database that the projections (RDF store, search index) must apply.
 * Written in the same transaction as the change and never removed; each projection keeps its own
 * {@link ProjectionCursor} over these events.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    public static final String RELEASE_PUBLISHED = "release-published";
    public static final String DATASET_WITHDRAWN = "dataset-withdrawn";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(nullable = false)
    public String topic;
    @Column(name = "dataset_slug", nullable = false)
    public String datasetSlug;
    @Column(name = "release_id")
    public Long releaseId;
    public String payload;

    /**
     * Appends an event to the outbox in the caller's transaction. The outbox lock is taken first and held
     * until that transaction ends, so events commit in the order of their ids: a projection that has seen
     * event n has seen every committed event before it.
     */
    public static OutboxEvent append(String topic, String datasetSlug, Long releaseId, Instant at) {
        lockForAppend();
        OutboxEvent event = new OutboxEvent();
        event.createdAt = at;
        event.topic = topic;
        event.datasetSlug = datasetSlug;
        event.releaseId = releaseId;
        event.persist();
        return event;
    }

    /** Takes the outbox lock for the rest of the current transaction, waiting for another appender to commit. */
    static void lockForAppend() {
        getEntityManager().createNativeQuery("select id from outbox_lock where id = 1 for update").getSingleResult();
    }
}
