package cn.zjdata.portal.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The full-text index: how it is kept and how much of each dataset it holds. */
@ConfigMapping(prefix = "portal.search")
public interface SearchConfig {

    /** Rebuild the whole index from the database and the release files at start-up (the repair command). */
    @WithDefault("false")
    boolean rebuildAtStart();

    /** At most this many characters of distinct text cells are indexed per dataset (about 200 KB of text). */
    @WithDefault("100000")
    int rowTextLimit();

    /** How many matching plan indicators a search lists beside the datasets. */
    @WithDefault("10")
    int indicatorHits();

    /** How many fragments a dataset hit shows at most. */
    @WithDefault("3")
    int fragments();
}
