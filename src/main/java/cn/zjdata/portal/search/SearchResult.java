package cn.zjdata.portal.search;

import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.common.NamedRef;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * The answer to a search: one page of matching datasets with the passages that matched, the facet counts,
 * the matching plan indicators and, when nothing matched, suggestions.
 *
 * @param sort the order applied (relevance becomes newest when browsing)
 */
public record SearchResult(String query, String sort, int page, int size, long totalItems, int totalPages,
                           List<Hit> items, List<Facet> facets, List<IndicatorHit> indicators,
                           List<Suggestion> suggestions) {

    /** A piece of text, marked when it matched the query. Never HTML: the page escapes it. */
    public record Segment(String text, boolean matched) {
    }

    /** A text in both languages, each as segments (empty when the language has no text). */
    public record Highlighted(List<Segment> zh, List<Segment> en) {
        /** The segments in a language, falling back to the other one. */
        public List<Segment> in(String lang) {
            List<Segment> preferred = "en".equals(lang) ? en : zh;
            return preferred.isEmpty() ? ("en".equals(lang) ? zh : en) : preferred;
        }
    }

    /**
     * A passage of a dataset that matched.
     *
     * @param field "description" (of the dataset) or "data" (its column titles and text cells)
     * @param lang  "zh" or "en"; data passages are "zh" as most cells are
     */
    public record Fragment(String field, String lang, List<Segment> segments) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(String id, LocalizedText title, LocalizedText description, NamedRef publisher,
                      List<NamedRef> themes, Instant modified, int release, Float score, Highlighted titleHighlight,
                      List<Fragment> fragments, String href) {
    }

    /** One value of a facet: how many datasets have it, given the query and the other facets' filters. */
    public record FacetValue(String value, LocalizedText label, long count, boolean selected) {
    }

    public record Facet(String name, List<FacetValue> values) {
    }

    public record IndicatorHit(String code, LocalizedText name, NamedRef category, Highlighted nameHighlight,
                               String href) {
    }

    /**
     * Something to try instead.
     *
     * @param kind  "spelling" (value: a corrected query), "indicator" (value: an indicator code whose name
     *              shares words with the query), "theme" (value: a theme id, one of the largest)
     * @param label what to show
     */
    public record Suggestion(String kind, String value, LocalizedText label) {
    }
}
