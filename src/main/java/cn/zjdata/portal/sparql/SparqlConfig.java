package cn.zjdata.portal.sparql;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Limits of the SPARQL endpoint. None of them can be raised by a request: a client's {@code timeout}
 * parameter may only shorten the timeout, and its LIMIT only lower the row limit.
 */
@ConfigMapping(prefix = "portal.sparql")
public interface SparqlConfig {

    /** How long a query may run (ISO-8601 or "30s"). A query that has not produced its first byte by then is a 503. */
    @WithDefault("30s")
    Duration timeout();

    /** The longest query accepted, in UTF-8 bytes: longer is a 413 in a POST body, a 400 in a GET URL. */
    @WithDefault("64K")
    @WithConverter(MemorySizeConverter.class)
    MemorySize maxQueryLength();

    /** SELECT rows sent at most: a query without LIMIT, or with a larger one, is given this LIMIT. */
    @WithDefault("100000")
    long maxRows();

    /** Triples a CONSTRUCT or DESCRIBE answer holds at most; the answer is cut there. */
    @WithDefault("100000")
    long maxTriples();

    /** Memory for cached answers (all entries together), reused until the store changes. */
    @WithDefault("64M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize cacheSize();

    /** The largest single answer kept in the cache; larger ones are streamed and not kept. */
    @WithDefault("2M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize cacheEntrySize();

    /** Queries executing at once; more wait for a free slot until their timeout, then get a 503. */
    @WithDefault("8")
    int maxConcurrent();
}
