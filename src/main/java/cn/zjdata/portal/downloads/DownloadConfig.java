package cn.zjdata.portal.downloads;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the download endpoints. */
@ConfigMapping(prefix = "portal.downloads")
public interface DownloadConfig {

    /**
     * Downloads that convert rows (JSON, Excel CSV, gzip) at once; more are answered 503 with Retry-After.
     * The plain CSV is sent from the file and never counts.
     */
    @WithDefault("16")
    int maxConcurrentConversions();

    /** How long browsers and caches may keep a numbered release without asking again, in seconds. */
    @WithDefault("86400")
    long releaseMaxAge();
}
