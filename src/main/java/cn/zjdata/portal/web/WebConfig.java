package cn.zjdata.portal.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/** Settings of the public web pages. */
@ConfigMapping(prefix = "portal.web")
public interface WebConfig {

    /** The indicators the home page leads with, by code, in order. */
    @WithDefault("digital-economy-value-added,digital-economy-share-of-gdp,cloud-enterprises,industrial-robots-in-service,"
            + "online-retail-sales,internet-penetration-rate")
    List<String> headlineIndicators();

    /** How many recent releases the home page lists. */
    @WithDefault("6")
    int latestReleases();
}
