package cn.zjdata.portal.publishing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A dataset a projection failed to apply: it is tried again at every later run and at start-up, while the
 * projection's cursor moves on, so one broken dataset never holds back the others nor is forgotten.
 */
@Entity
@Table(name = "projection_retry")
public class ProjectionRetry extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "projection") String projection, @Column(name = "dataset_slug") String datasetSlug)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Column(name = "failed_at", nullable = false)
    public Instant failedAt;

    /** The datasets to apply in this run: those of the pending events, then those waiting to be retried. */
    public static Set<String> toApply(String projection, List<OutboxEvent> pending) {
        Set<String> slugs = new LinkedHashSet<>();
        pending.forEach(e -> slugs.add(e.datasetSlug));
        ProjectionRetry.<ProjectionRetry>list("key.projection", projection).forEach(r -> slugs.add(r.key.datasetSlug()));
        return slugs;
    }

    /** Records which datasets failed (to retry) and which were applied (retried no more). */
    public static void record(String projection, Collection<String> applied, Collection<String> failed) {
        for (String slug : applied) {
            deleteById(new Key(projection, slug));
        }
        for (String slug : failed) {
            ProjectionRetry retry = ProjectionRetry.<ProjectionRetry>findByIdOptional(new Key(projection, slug)).orElseGet(ProjectionRetry::new);
            retry.key = new Key(projection, slug);
            retry.failedAt = Instant.now();
            retry.persist();
        }
    }

    /** Whether a dataset is waiting to be retried by a projection. */
    public static boolean waiting(String projection, String slug) {
        return findByIdOptional(new Key(projection, slug)).isPresent();
    }
}
