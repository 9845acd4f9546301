package cn.zjdata.portal.common;

import jakarta.enterprise.context.ApplicationScoped;

/** Absolute URLs of the portal's resources, under the configured base URI. */
@ApplicationScoped
public class PortalUris {

    private final String base;

    public PortalUris(PortalConfig config) {
        String configured = config.baseUri();
        this.base = configured.endsWith("/") ? configured : configured + "/";
    }

    public String base() {
        return base;
    }

    /** An absolute URL for a path relative to the base ("api/datasets"). */
    public String resolve(String path) {
        return base + (path.startsWith("/") ? path.substring(1) : path);
    }
}
