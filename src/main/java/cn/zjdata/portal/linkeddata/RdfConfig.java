package cn.zjdata.portal.linkeddata;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The RDF projection: where it lives and how it is kept. */
@ConfigMapping(prefix = "portal.rdf")
public interface RdfConfig {

    /** Rebuild the whole projection from the database and the files at start-up (the store is emptied first). */
    @WithDefault("false")
    boolean rebuildAtStart();

    /** Write the dumps (whole store as N-Quads, catalog as Turtle) after each change. */
    @WithDefault("true")
    boolean dumps();

}
