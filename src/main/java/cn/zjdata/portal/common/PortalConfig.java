package cn.zjdata.portal.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;

/** Settings shared by every feature: where the portal keeps its files and what it names things under. */
@ConfigMapping(prefix = "portal")
public interface PortalConfig {

    /**
     * The one directory holding the embedded database, release files and projections: an absolute path or
     * one starting with "./" (the embedded database refuses implicitly relative paths).
     */
    @WithDefault("./data")
    Path dataDir();

    /** The URI every published thing is named under, ending with a slash. */
    @WithDefault("http://localhost:8080/")
    String baseUri();
}
