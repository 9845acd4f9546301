package cn.zjdata.portal.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Paging limits of the REST API. */
@ConfigMapping(prefix = "portal.api")
public interface ApiConfig {

    /** Page size when the client gives none. */
    @WithDefault("20")
    int defaultPageSize();

    /** Larger page sizes are clamped to this. */
    @WithDefault("100")
    int maxPageSize();

    /** Page sizes above this are not clamped but refused with a 400: they are a client bug. */
    @WithDefault("1000")
    int pageSizeLimit();
}
