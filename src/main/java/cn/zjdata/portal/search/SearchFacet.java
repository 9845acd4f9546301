package cn.zjdata.portal.search;

import java.util.Arrays;
import java.util.Optional;

/** The facets a search counts and filters by; the name is also the query parameter. */
public enum SearchFacet {
    THEME("theme", true),
    PUBLISHER("publisher", false),
    FORMAT("format", true),
    LICENSE("license", false),
    FREQUENCY("frequency", false),
    YEAR("year", true);

    public final String parameter;
    final boolean multiValued;

    SearchFacet(String parameter, boolean multiValued) {
        this.parameter = parameter;
        this.multiValued = multiValued;
    }

    public static Optional<SearchFacet> of(String parameter) {
        return Arrays.stream(values()).filter(f -> f.parameter.equals(parameter)).findFirst();
    }

    /** The download formats every published dataset offers (the distribution ids of the catalog). */
    static final java.util.List<String> FORMATS = java.util.List.of("csv", "excel-csv", "json");
}
