package cn.zjdata.portal.web;

import cn.zjdata.portal.publishing.Published;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The models of pages that show only published data (home, dashboard, dataset pages, the recent changes
 * and their Atom feeds), built once per language and kept until the next publish or withdrawal: the data
 * only changes then. A model built while a change committed is not kept. Failures (404, 410) are never cached.
 */
@ApplicationScoped
public class PageModels {

    /**
     * More distinct pages than this and the cache starts again (one entry per page and language). A search
     * page's model is the largest, some tens of KB, so this bounds the cache to a few tens of MB.
     */
    static final int MAX_ENTRIES = 500;

    private final Map<String, Object> models = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    void onPublished(@Observes Published event) {
        generation.incrementAndGet();
        models.clear();
    }

    /**
     * The model cached under {@code key}, or the one {@code build} makes in a read transaction (kept when
     * nothing changed meanwhile). A page served from the cache touches no database.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> build) {
        Object cached = models.get(key);
        if (cached != null) {
            return (T) cached;
        }
        long seen = generation.get();
        T model = QuarkusTransaction.joiningExisting().call(build::get);
        if (generation.get() == seen) {
            if (models.size() >= MAX_ENTRIES) {
                models.clear();
            }
            models.put(key, model);
            if (generation.get() != seen) {
                models.remove(key, model); // a change committed between the check and the put
            }
        }
        return model;
    }
}
