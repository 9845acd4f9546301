package cn.zjdata.portal.search;

import cn.zjdata.portal.common.PageRequest;
import cn.zjdata.portal.common.ProblemException;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A validated search: free text (blank: browse everything), facet filters (values of one facet are
 * alternatives, facets combine), sort order, page and the language titles sort in.
 */
public record SearchQuery(String text, Map<SearchFacet, Set<String>> filters, Sort sort, PageRequest page, String lang) {

    /** Longer queries are refused: nobody types them, and each word costs a clause. */
    public static final int MAX_TEXT = 200;
    public static final int MAX_WORDS = 16;
    public static final int MAX_VALUES = 20;

    public enum Sort {
        /** Best match first; for an empty query, the same as {@link #NEWEST}. */
        RELEVANCE("relevance"),
        TITLE("title"),
        NEWEST("newest");

        public final String parameter;

        Sort(String parameter) {
            this.parameter = parameter;
        }
    }

    public SearchQuery {
        text = text == null ? "" : text.strip();
        EnumMap<SearchFacet, Set<String>> copy = new EnumMap<>(SearchFacet.class);
        if (filters != null) {
            filters.forEach((k, v) -> {
                if (v != null && !v.isEmpty()) {
                    copy.put(k, Set.copyOf(v));
                }
            });
        }
        filters = java.util.Collections.unmodifiableMap(copy);
        sort = sort == null ? Sort.RELEVANCE : sort;
        lang = "en".equals(lang) ? "en" : "zh";
    }

    public boolean browsing() {
        return text.isEmpty();
    }

    public Set<String> values(SearchFacet facet) {
        return filters.getOrDefault(facet, Set.of());
    }

    /**
     * Checks the parameters' form (that facet values exist is the service's to check): a 400 problem
     * naming the parameter otherwise.
     */
    public static SearchQuery parse(String text, Map<SearchFacet, List<String>> raw, String sort, PageRequest page, String lang) {
        if (text != null && text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw ProblemException.badParameter("q", "must be at most " + MAX_TEXT + " characters");
        }
        if (text != null && text.strip().split("(?U)\\s+").length > MAX_WORDS) {
            throw ProblemException.badParameter("q", "must be at most " + MAX_WORDS + " words");
        }
        Map<SearchFacet, Set<String>> filters = new EnumMap<>(SearchFacet.class);
        if (raw != null) {
            raw.forEach((facet, values) -> {
                Set<String> kept = new LinkedHashSet<>();
                for (String v : values == null ? List.<String>of() : values) {
                    if (v != null && !v.isBlank()) {
                        kept.add(v.strip());
                    }
                }
                if (kept.size() > MAX_VALUES) {
                    throw ProblemException.badParameter(facet.parameter, "at most " + MAX_VALUES + " values");
                }
                if (facet == SearchFacet.YEAR) {
                    kept.forEach(y -> {
                        if (!y.matches("\\d{4}")) {
                            throw ProblemException.badParameter("year", "must be a four-digit year, was '" + y + "'");
                        }
                    });
                }
                if (facet == SearchFacet.FORMAT) {
                    Set<String> lower = new LinkedHashSet<>();
                    kept.forEach(f -> {
                        String l = f.toLowerCase(Locale.ROOT);
                        if (!SearchFacet.FORMATS.contains(l)) {
                            throw ProblemException.badParameter("format", "must be one of " + SearchFacet.FORMATS + ", was '" + f + "'");
                        }
                        lower.add(l);
                    });
                    kept = lower;
                }
                if (!kept.isEmpty()) {
                    filters.put(facet, kept);
                }
            });
        }
        return new SearchQuery(text, filters, parseSort(sort), page, lang);
    }

    private static Sort parseSort(String sort) {
        if (sort == null || sort.isBlank()) {
            return Sort.RELEVANCE;
        }
        for (Sort s : Sort.values()) {
            if (s.parameter.equals(sort.strip())) {
                return s;
            }
        }
        throw ProblemException.badParameter("sort", "must be one of relevance, title, newest; was '" + sort + "'");
    }
}
