package cn.zjdata.portal.sparql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers kept in memory until the store changes: the store's data only changes when something is
 * published, so a repeated query is answered from here. Bounded by total bytes (Caffeine evicts the
 * least useful entries past {@code cache-size}); answers larger than {@code cache-entry-size} are not
 * kept. When the store's generation moves on, every older entry is dropped at once.
 */
@ApplicationScoped
public class AnswerCache {

    /**
     * What an answer depends on. Its entity tag is a hash of all of it, so it is strong for as long as the
     * store is unchanged.
     */
    record Key(long generation, String query, String dataset, SparqlFormat format) {

        String etag() {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                digest.update((generation + "\n" + dataset + "\n" + format.token + "\n" + query)
                        .getBytes(StandardCharsets.UTF_8));
                return "sparql-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest()).substring(0, 27);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        int weight() {
            return 2 * (query.length() + dataset.length()) + 128;
        }
    }

    private final Cache<Key, byte[]> answers;
    private final long entryLimit;
    private final AtomicLong generation = new AtomicLong(Long.MIN_VALUE);

    public AnswerCache(SparqlConfig config) {
        this.entryLimit = config.cacheEntrySize().asLongValue();
        this.answers = Caffeine.newBuilder()
                .maximumWeight(config.cacheSize().asLongValue())
                .<Key, byte[]>weigher((key, body) -> key.weight() + body.length)
                .build();
    }

    Optional<byte[]> get(Key key) {
        forgetBefore(key.generation());
        return Optional.ofNullable(answers.getIfPresent(key));
    }

    /** Keeps an answer, unless it is too large or the store has changed since (its key is then stale). */
    void put(Key key, byte[] body, long currentGeneration) {
        if (body.length <= entryLimit && key.generation() == currentGeneration) {
            forgetBefore(key.generation());
            answers.put(key, body);
        }
    }

    long size() {
        return answers.estimatedSize();
    }

    /** Generations only grow: the first request to see a new one drops the entries of the older ones. */
    private void forgetBefore(long current) {
        long seen = generation.get();
        if (current > seen && generation.compareAndSet(seen, current)) {
            answers.asMap().keySet().removeIf(k -> k.generation() < current);
        }
    }
}
