package cn.zjdata.portal.web;

import cn.zjdata.portal.common.ApiConfig;
import cn.zjdata.portal.common.PageRequest;
import cn.zjdata.portal.search.SearchFacet;
import cn.zjdata.portal.search.SearchQuery;
import cn.zjdata.portal.search.SearchResult;
import cn.zjdata.portal.search.SearchResult.Segment;
import cn.zjdata.portal.search.SearchService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The dataset list: a search form, facet filters as a plain GET form (no script needed), sort order,
 * highlighted hits, matching plan indicators, paging and, when nothing matches, suggestions.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SearchPage {

    /** A dataset found, as the page shows it: title and passages as segments, matched ones to be marked. */
    public record Hit(String href, List<Segment> title, String titleLang, IndicatorCards.Text publisher,
                      List<IndicatorCards.Text> themes, java.time.Instant modified,
                      List<Fragment> fragments, IndicatorCards.Text description) {
    }

    public record Fragment(List<Segment> segments, String lang, boolean data) {
    }

    public record FacetValue(String value, IndicatorCards.Text label, String count, boolean selected, String id) {
    }

    public record Facet(String name, String label, List<FacetValue> values, boolean open) {
    }

    public record Indicator(String href, List<Segment> name, String lang, IndicatorCards.Text category) {
    }

    public record Suggestion(String kind, String href, IndicatorCards.Text label) {
    }

    /** A query parameter to carry over in a form as a hidden input. */
    public record Hidden(String name, String value) {
    }

    public record View(String q, String sort, String count, boolean browsing, List<Hit> hits, List<Facet> facets,
                       boolean filtered, List<Indicator> indicators, List<Suggestion> spelling,
                       List<Suggestion> related, List<Suggestion> themes, List<Hidden> keepForSort,
                       List<Hidden> keepForFilters, String clearHref, String prev, String next, String pageText,
                       String apiHref) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(View view);
    }

    private final Ui ui;
    private final SearchService search;
    private final ApiConfig api;
    private final Quantities quantities;
    private final Messages zh;
    private final Messages en;
    private final PageModels models;

    public SearchPage(Ui ui, SearchService search, ApiConfig api, Quantities quantities, Messages zh,
                      @Localized("en") Messages en, PageModels models) {
        this.models = models;
        this.ui = ui;
        this.search = search;
        this.api = api;
        this.quantities = quantities;
        this.zh = zh;
        this.en = en;
    }

    @GET
    @Path("datasets")
    @Operation(hidden = true)
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("theme") List<String> theme,
                                   @QueryParam("publisher") List<String> publisher, @QueryParam("format") List<String> format,
                                   @QueryParam("license") List<String> license, @QueryParam("frequency") List<String> frequency,
                                   @QueryParam("year") List<String> year, @QueryParam("sort") String sort,
                                   @QueryParam("page") String page, @QueryParam("size") String size) {
        String lang = ui.lang();
        // Results only change when something is published: a repeated search is served from memory.
        // The index is updated in the background after a publish, so the key names the index version too.
        View view = models.get("search|" + search.indexVersion() + "|" + lang + "|" + ui.withParameter(Ui.PARAMETER, null),
                () -> view(q, theme, publisher, format, license, frequency, year, sort, page, size, lang));
        return Templates.search(view).setLocale(ui.locale());
    }

    private View view(String q, List<String> theme, List<String> publisher, List<String> format, List<String> license,
                      List<String> frequency, List<String> year, String sort, String page, String size, String lang) {
        Messages m = Ui.EN.equals(lang) ? en : zh;
        Map<SearchFacet, List<String>> filters = new EnumMap<>(SearchFacet.class);
        filters.put(SearchFacet.THEME, theme);
        filters.put(SearchFacet.PUBLISHER, publisher);
        filters.put(SearchFacet.FORMAT, format);
        filters.put(SearchFacet.LICENSE, license);
        filters.put(SearchFacet.FREQUENCY, frequency);
        filters.put(SearchFacet.YEAR, year);
        SearchQuery query = SearchQuery.parse(q, filters, sort, PageRequest.parse(page, size, api), lang);
        SearchResult r = search.search(query);

        List<Hit> hits = r.items().stream().map(h -> hit(h, lang)).toList();
        List<Facet> facets = r.facets().stream()
                .filter(f -> !f.values().isEmpty())
                .map(f -> facet(f, lang, m))
                .toList();
        List<Indicator> indicators = r.indicators().stream()
                .map(i -> new Indicator("/indicators/" + i.code(), i.nameHighlight().in(lang),
                        Ui.htmlLang(i.nameHighlight().in(lang) == i.nameHighlight().zh() ? Ui.ZH : Ui.EN),
                        i.category() == null ? null : IndicatorCards.Text.of(i.category().name(), lang)))
                .toList();
        List<Suggestion> spelling = new ArrayList<>();
        List<Suggestion> related = new ArrayList<>();
        List<Suggestion> themes = new ArrayList<>();
        for (SearchResult.Suggestion s : r.suggestions()) {
            IndicatorCards.Text label = IndicatorCards.Text.of(s.label(), lang);
            switch (s.kind()) {
                case "spelling" -> spelling.add(new Suggestion(s.kind(), "/datasets?q=" + Ui.encode(s.value()), label));
                case "indicator" -> related.add(new Suggestion(s.kind(), "/indicators/" + Ui.encode(s.value()), label));
                default -> themes.add(new Suggestion(s.kind(), "/datasets?theme=" + Ui.encode(s.value()), label));
            }
        }
        List<Hidden> filterInputs = new ArrayList<>();
        query.filters().forEach((facet, values) -> values.stream().sorted()
                .forEach(v -> filterInputs.add(new Hidden(facet.parameter, v))));
        List<Hidden> keepForSort = new ArrayList<>();
        if (!query.browsing()) {
            keepForSort.add(new Hidden("q", query.text()));
        }
        keepForSort.addAll(filterInputs);
        List<Hidden> keepForFilters = new ArrayList<>();
        if (!query.browsing()) {
            keepForFilters.add(new Hidden("q", query.text()));
        }
        if (sort != null && !sort.isBlank()) {
            keepForFilters.add(new Hidden("sort", r.sort()));
        }
        String count = quantities.count(r.totalItems(), lang);
        String prev = r.page() > 1 ? ui.withParameter("page", Integer.toString(r.page() - 1)) : null;
        String next = r.page() < r.totalPages() ? ui.withParameter("page", Integer.toString(r.page() + 1)) : null;
        String pageText = r.totalPages() > 1 ? m.search_page_of(Integer.toString(r.page()), Integer.toString(r.totalPages())) : null;
        String apiHref = "/api/search" + ui.withParameter("page", null).substring(ui.path().length());
        View view = new View(query.text(), r.sort(), query.browsing() ? m.search_count(count) : m.search_count_query(count, query.text()),
                query.browsing(), hits, facets, !query.filters().isEmpty(), indicators, spelling, related, themes,
                keepForSort, keepForFilters, query.browsing() ? "/datasets" : "/datasets?q=" + Ui.encode(query.text()),
                prev, next, pageText, apiHref);
        return view;
    }

    private static Hit hit(SearchResult.Hit h, String lang) {
        List<Segment> title = h.titleHighlight().in(lang);
        String titleLang = Ui.htmlLang(title == h.titleHighlight().zh() ? Ui.ZH : Ui.EN);
        List<Fragment> fragments = h.fragments().stream()
                .filter(f -> f.field().equals("data") || f.lang().equals(lang) || !hasLang(h, lang))
                .limit(3)
                .map(f -> new Fragment(f.segments(), Ui.htmlLang(f.lang()), f.field().equals("data")))
                .toList();
        return new Hit("/datasets/" + h.id(), title, titleLang,
                h.publisher() == null ? null : IndicatorCards.Text.of(h.publisher().name(), lang),
                h.themes().stream().map(t -> IndicatorCards.Text.of(t.name(), lang)).toList(),
                h.modified(), fragments, fragments.isEmpty() ? IndicatorCards.Text.of(h.description(), lang) : null);
    }

    /** Whether the dataset has a description passage in the reader's language (else the other one is shown). */
    private static boolean hasLang(SearchResult.Hit h, String lang) {
        return h.fragments().stream().anyMatch(f -> f.field().equals("description") && f.lang().equals(lang));
    }

    private Facet facet(SearchResult.Facet f, String lang, Messages m) {
        String label = switch (f.name()) {
            case "theme" -> m.facet_theme();
            case "publisher" -> m.facet_publisher();
            case "format" -> m.facet_format();
            case "license" -> m.facet_license();
            case "frequency" -> m.facet_frequency();
            default -> m.facet_year();
        };
        List<FacetValue> values = new ArrayList<>();
        for (int i = 0; i < f.values().size(); i++) {
            SearchResult.FacetValue v = f.values().get(i);
            values.add(new FacetValue(v.value(), IndicatorCards.Text.of(v.label(), lang), quantities.count(v.count(), lang),
                    v.selected(), "f-" + f.name() + "-" + i));
        }
        boolean open = values.stream().anyMatch(FacetValue::selected) || values.size() <= 8;
        return new Facet(f.name(), label, values, open);
    }
}
