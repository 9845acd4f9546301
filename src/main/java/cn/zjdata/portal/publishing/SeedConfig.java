package cn.zjdata.portal.publishing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;

/** The seed catalog imported at start-up. */
@ConfigMapping(prefix = "portal.seed")
public interface SeedConfig {

    /** Import {@link #directory()} at start-up. */
    @WithDefault("true")
    boolean enabled();

    /** The folder holding {@code catalog.json} and one sub-folder per dataset. */
    @WithDefault("datasets")
    Path directory();
}
