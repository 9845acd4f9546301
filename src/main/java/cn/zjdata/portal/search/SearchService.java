package cn.zjdata.portal.search;

import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.common.NamedRef;
import cn.zjdata.portal.common.PortalUris;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.reference.Concept.Scheme;
import cn.zjdata.portal.reference.ReferenceService;
import cn.zjdata.portal.search.SearchResult.Facet;
import cn.zjdata.portal.search.SearchResult.FacetValue;
import cn.zjdata.portal.search.SearchResult.Hit;
import cn.zjdata.portal.search.SearchResult.IndicatorHit;
import cn.zjdata.portal.search.SearchResult.Suggestion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Full-text search over the published catalog and the plan indicators: relevance-ranked, filtered and
 * counted by facet (drill-sideways: each facet's counts apply every filter but its own, so a reader sees
 * what choosing another value would give), highlighted, with suggestions when nothing matches.
 */
@ApplicationScoped
public class SearchService {

    /** The stored fields a dataset hit shows. */
    private static final java.util.Set<String> HIT_FIELDS = java.util.Set.of(SearchFields.ID, SearchFields.TITLE_ZH,
            SearchFields.TITLE_EN, SearchFields.DESCRIPTION_ZH, SearchFields.DESCRIPTION_EN, SearchFields.PUBLISHER_ID,
            SearchFields.PUBLISHER_ZH, SearchFields.PUBLISHER_EN, SearchFields.THEME_STORED, SearchFields.MODIFIED,
            SearchFields.RELEASE);


    /** Facet values listed per facet at most. */
    static final int FACET_VALUES = 100;

    private final SearchIndex index;
    private final SearchConfig config;
    private final ReferenceService reference;
    private final PortalUris uris;
    private final SearchQueries queries = new SearchQueries(SearchAnalyzers.query());
    private final SearchSuggestions suggestions;
    private final FacetsConfig facetsConfig = SearchDocuments.facetsConfig();

    public SearchService(SearchIndex index, SearchConfig config, ReferenceService reference, PortalUris uris) {
        this.index = index;
        this.config = config;
        this.reference = reference;
        this.uris = uris;
        this.suggestions = new SearchSuggestions(queries);
    }

    @ActivateRequestContext
    @Transactional(Transactional.TxType.SUPPORTS)
    public SearchResult search(SearchQuery query) {
        checkFilters(query);
        Query text = query.browsing() ? null : queries.text(query.text());
        SearchQuery.Sort sort = query.browsing() && query.sort() == SearchQuery.Sort.RELEVANCE ? SearchQuery.Sort.NEWEST : query.sort();
        Found found = index.read(searcher -> find(searcher, query, text, sort));
        List<Facet> facets = facets(query, found.counts());
        List<Suggestion> suggested = found.total() > 0 || query.browsing() ? List.of() : suggestionsFor(query, found);
        int totalPages = (int) ((found.total() + query.page().size() - 1) / query.page().size());
        return new SearchResult(query.text(), sort.parameter, query.page().page(), query.page().size(), found.total(),
                totalPages, found.hits(), facets, found.indicators(), suggested);
    }

    /** A facet value the catalog does not know is a 400 naming the parameter, as in the dataset list. */
    private void checkFilters(SearchQuery query) {
        for (String theme : query.values(SearchFacet.THEME)) {
            if (reference.findConcept(Scheme.THEME, theme).isEmpty()) {
                throw ProblemException.badParameter("theme", "'" + theme + "' is not a theme (see /api/themes)");
            }
        }
        for (String publisher : query.values(SearchFacet.PUBLISHER)) {
            if (reference.findPublisher(publisher).isEmpty()) {
                throw ProblemException.badParameter("publisher", "'" + publisher + "' is not a publisher (see /api/publishers)");
            }
        }
        for (String license : query.values(SearchFacet.LICENSE)) {
            if (reference.findConcept(Scheme.LICENSE, license).isEmpty()) {
                throw ProblemException.badParameter("license", "'" + license + "' is not a licence (see /api/licenses)");
            }
        }
        for (String frequency : query.values(SearchFacet.FREQUENCY)) {
            if (reference.findConcept(Scheme.FREQUENCY, frequency).isEmpty()) {
                throw ProblemException.badParameter("frequency", "'" + frequency + "' is not an update frequency (see /api/frequencies)");
            }
        }
    }

    /** What the index answered: the page of hits, the total, raw facet counts and the indicators. */
    record Found(long total, List<Hit> hits, Map<SearchFacet, Map<String, Long>> counts, List<IndicatorHit> indicators,
                 List<Suggestion> spelling) {
    }

    /** The facet ordinals of one point-in-time reader; building them reads every facet value, so it is done once per commit. */
    private record FacetState(org.apache.lucene.index.IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    /**
     * The version of the index searches read now: an answer cached under one version is current until it
     * changes (the index follows publishes in the background, a little after the database).
     */
    public long indexVersion() {
        return index.version();
    }

    private volatile FacetState facetState;

    private SortedSetDocValuesReaderState facetState(IndexSearcher searcher) throws IOException {
        FacetState cached = facetState;
        if (cached != null && cached.reader() == searcher.getIndexReader()) {
            return cached.state();
        }
        SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), facetsConfig);
        facetState = new FacetState(searcher.getIndexReader(), state);
        return state;
    }

    private Found find(IndexSearcher searcher, SearchQuery query, Query text, SearchQuery.Sort sort) throws IOException {
        Query datasets = restrict(SearchFields.DATASET, text);
        DrillDownQuery drill = new DrillDownQuery(facetsConfig, datasets);
        query.filters().forEach((facet, values) -> values.forEach(v -> drill.add(facet.parameter, v)));
        List<IndicatorHit> indicators = text == null ? List.of() : indicators(searcher, text);
        long total = searcher.count(drill);
        SortedSetDocValuesReaderState state;
        try {
            state = facetState(searcher);
        } catch (IllegalArgumentException noDatasetYet) {
            return new Found(0, List.of(), Map.of(), indicators, List.of());
        }
        int wanted = query.page().offset() + query.page().size();
        int topN = (int) Math.max(1, Math.min(wanted, total));
        DrillSideways sideways = new DrillSideways(searcher, facetsConfig, state);
        DrillSideways.DrillSidewaysResult result = sort == SearchQuery.Sort.RELEVANCE
                ? sideways.search(drill, topN)
                : sideways.search(drill, null, null, topN, luceneSort(sort, query.lang()), false);
        Map<SearchFacet, Map<String, Long>> counts = new LinkedHashMap<>();
        for (SearchFacet facet : SearchFacet.values()) {
            Map<String, Long> values = new LinkedHashMap<>();
            FacetResult r;
            try {
                r = result.facets.getTopChildren(FACET_VALUES, facet.parameter);
            } catch (IllegalArgumentException notIndexed) {
                r = null;
            }
            if (r != null) {
                for (LabelAndValue lv : r.labelValues) {
                    values.put(lv.label, lv.value.longValue());
                }
            }
            counts.put(facet, values);
        }
        List<Hit> hits = hits(searcher, result.hits, query.page().offset(), text, sort == SearchQuery.Sort.RELEVANCE);
        List<Suggestion> spelling = total == 0 && text != null ? suggestions.spelling(searcher, query.text()) : List.of();
        return new Found(total, hits, counts, indicators, spelling);
    }

    private static Query restrict(String type, Query text) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(new TermQuery(new Term(SearchFields.TYPE, type)), Occur.FILTER);
        if (text != null) {
            b.add(text, Occur.MUST);
        }
        return b.build();
    }

    private static Sort luceneSort(SearchQuery.Sort sort, String lang) {
        SortField byId = new SortField(SearchFields.SORT_ID, SortField.Type.STRING);
        return switch (sort) {
            case TITLE -> new Sort(new SortField("en".equals(lang) ? SearchFields.SORT_TITLE_EN : SearchFields.SORT_TITLE_ZH,
                    SortField.Type.STRING), byId);
            case NEWEST, RELEVANCE -> new Sort(new SortField(SearchFields.SORT_MODIFIED, SortField.Type.LONG, true), byId);
        };
    }

    private List<Hit> hits(IndexSearcher searcher, TopDocs top, int offset, Query text, boolean scored) throws IOException {
        ScoreDoc[] docs = top.scoreDocs;
        if (offset >= docs.length) {
            return List.of();
        }
        int[] ids = new int[docs.length - offset];
        for (int i = offset; i < docs.length; i++) {
            ids[i - offset] = docs[i].doc;
        }
        Map<String, List<List<List<SearchResult.Segment>>>> highlights = text == null ? Map.of()
                : new SearchHighlighter(searcher, config.rowTextLimit() + 1000).highlight(text, ids,
                new String[]{SearchFields.TITLE_ZH, SearchFields.TITLE_EN, SearchFields.DESCRIPTION_ZH,
                        SearchFields.DESCRIPTION_EN, SearchFields.BODY},
                new int[]{1, 1, 1, 1, config.fragments()});
        List<Hit> hits = new ArrayList<>();
        var stored = searcher.storedFields();
        for (int i = 0; i < ids.length; i++) {
            var doc = stored.document(ids[i], HIT_FIELDS); // not the stored data text (up to the row-text limit)
            String id = doc.get(SearchFields.ID);
            LocalizedText title = LocalizedText.of(doc.get(SearchFields.TITLE_ZH), doc.get(SearchFields.TITLE_EN));
            LocalizedText description = LocalizedText.of(doc.get(SearchFields.DESCRIPTION_ZH), doc.get(SearchFields.DESCRIPTION_EN));
            NamedRef publisher = new NamedRef(doc.get(SearchFields.PUBLISHER_ID),
                    LocalizedText.of(doc.get(SearchFields.PUBLISHER_ZH), doc.get(SearchFields.PUBLISHER_EN)));
            List<NamedRef> themes = new ArrayList<>();
            for (String t : doc.getValues(SearchFields.THEME_STORED)) {
                themes.add(namedRef(t));
            }
            var modified = java.time.Instant.ofEpochMilli(doc.getField(SearchFields.MODIFIED).numericValue().longValue());
            int release = doc.getField(SearchFields.RELEASE).numericValue().intValue();
            SearchResult.Highlighted titleHighlight = new SearchResult.Highlighted(
                    first(highlights, SearchFields.TITLE_ZH, i, title.zh()), first(highlights, SearchFields.TITLE_EN, i, title.en()));
            List<SearchResult.Fragment> fragments = new ArrayList<>();
            addFragments(fragments, highlights, SearchFields.DESCRIPTION_ZH, i, "description", "zh");
            addFragments(fragments, highlights, SearchFields.DESCRIPTION_EN, i, "description", "en");
            addFragments(fragments, highlights, SearchFields.BODY, i, "data", "zh");
            hits.add(new Hit(id, title, description, publisher, themes, modified, release,
                    scored && !Float.isNaN(docs[offset + i].score) ? docs[offset + i].score : null, titleHighlight,
                    fragments, uris.resolve("api/datasets/" + id)));
        }
        return hits;
    }

    /** "code|zh|en" as stored → a reference with its names. */
    static NamedRef namedRef(String stored) {
        String[] parts = stored.split("\\|", -1);
        return new NamedRef(parts[0], LocalizedText.of(blankToNull(parts.length > 1 ? parts[1] : null),
                blankToNull(parts.length > 2 ? parts[2] : null)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static List<SearchResult.Segment> first(Map<String, List<List<List<SearchResult.Segment>>>> highlights,
                                                    String field, int doc, String plain) {
        List<List<List<SearchResult.Segment>>> perDoc = highlights.get(field);
        List<List<SearchResult.Segment>> passages = perDoc == null ? null : perDoc.get(doc);
        if (passages != null && !passages.isEmpty()) {
            return passages.getFirst();
        }
        return plain == null || plain.isBlank() ? List.of() : List.of(new SearchResult.Segment(plain, false));
    }

    private static void addFragments(List<SearchResult.Fragment> out, Map<String, List<List<List<SearchResult.Segment>>>> highlights,
                                     String field, int doc, String name, String lang) {
        List<List<List<SearchResult.Segment>>> perDoc = highlights.get(field);
        List<List<SearchResult.Segment>> passages = perDoc == null ? null : perDoc.get(doc);
        if (passages != null) {
            passages.forEach(p -> out.add(new SearchResult.Fragment(name, lang, p)));
        }
    }

    private List<IndicatorHit> indicators(IndexSearcher searcher, Query text) throws IOException {
        TopDocs top = searcher.search(restrict(SearchFields.INDICATOR, text), config.indicatorHits());
        return indicatorHits(searcher, top, text);
    }

    List<IndicatorHit> indicatorHits(IndexSearcher searcher, TopDocs top, Query text) throws IOException {
        int[] ids = java.util.Arrays.stream(top.scoreDocs).mapToInt(d -> d.doc).toArray();
        Map<String, List<List<List<SearchResult.Segment>>>> highlights = text == null || ids.length == 0 ? Map.of()
                : new SearchHighlighter(searcher, 10_000).highlight(text, ids,
                new String[]{SearchFields.TITLE_ZH, SearchFields.TITLE_EN}, new int[]{1, 1});
        List<IndicatorHit> hits = new ArrayList<>();
        var stored = searcher.storedFields();
        for (int i = 0; i < ids.length; i++) {
            var doc = stored.document(ids[i]);
            String code = doc.get(SearchFields.ID);
            LocalizedText name = LocalizedText.of(doc.get(SearchFields.TITLE_ZH), doc.get(SearchFields.TITLE_EN));
            String category = doc.get(SearchFields.CATEGORY_STORED);
            hits.add(new IndicatorHit(code, name, category == null ? null : namedRef(category),
                    new SearchResult.Highlighted(first(highlights, SearchFields.TITLE_ZH, i, name.zh()),
                            first(highlights, SearchFields.TITLE_EN, i, name.en())),
                    uris.resolve("api/indicators/" + code)));
        }
        return hits;
    }

    /** Every facet with its values: counted ones by count, then selected ones that counted nothing. */
    private List<Facet> facets(SearchQuery query, Map<SearchFacet, Map<String, Long>> counts) {
        List<Facet> facets = new ArrayList<>();
        for (SearchFacet facet : SearchFacet.values()) {
            Map<String, Long> values = new LinkedHashMap<>(counts.getOrDefault(facet, Map.of()));
            Set<String> selected = query.values(facet);
            selected.forEach(v -> values.putIfAbsent(v, 0L));
            Function<String, LocalizedText> label = labeller(facet);
            Comparator<FacetValue> order = facet == SearchFacet.YEAR
                    ? Comparator.comparing(FacetValue::value).reversed()
                    : Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value);
            List<FacetValue> list = values.entrySet().stream()
                    .map(e -> new FacetValue(e.getKey(), label.apply(e.getKey()), e.getValue(), selected.contains(e.getKey())))
                    .sorted(order)
                    .toList();
            facets.add(new Facet(facet.parameter, list));
        }
        return facets;
    }

    private Function<String, LocalizedText> labeller(SearchFacet facet) {
        return switch (facet) {
            case THEME -> v -> concept(Scheme.THEME, v);
            case LICENSE -> v -> concept(Scheme.LICENSE, v);
            case FREQUENCY -> v -> concept(Scheme.FREQUENCY, v);
            case PUBLISHER -> v -> reference.findPublisher(v).map(p -> p.name()).orElse(LocalizedText.of(v, v));
            case FORMAT -> v -> switch (v) {
                case "csv" -> LocalizedText.of("CSV", "CSV");
                case "excel-csv" -> LocalizedText.of("适用于 Excel 的 CSV", "Excel-friendly CSV");
                case "json" -> LocalizedText.of("JSON", "JSON");
                default -> LocalizedText.of(v, v);
            };
            case YEAR -> v -> LocalizedText.of(v + "年", v);
        };
    }

    private LocalizedText concept(Scheme scheme, String code) {
        return reference.findConcept(scheme, code).map(c -> c.label()).orElse(LocalizedText.of(code, code));
    }

    /** Spelling corrections first, then indicators named with some of the words, then the largest themes. */
    private List<Suggestion> suggestionsFor(SearchQuery query, Found found) {
        List<Suggestion> out = new ArrayList<>(found.spelling());
        out.addAll(index.read(searcher -> suggestions.indicators(searcher, query.text(), found.indicators())));
        out.addAll(index.read(searcher -> {
            try {
                var state = facetState(searcher);
                var all = new org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts(state,
                        searcher.search(new TermQuery(new Term(SearchFields.TYPE, SearchFields.DATASET)),
                                new org.apache.lucene.facet.FacetsCollectorManager()));
                FacetResult themes = all.getTopChildren(SearchSuggestions.THEMES, SearchFacet.THEME.parameter);
                List<Suggestion> list = new ArrayList<>();
                if (themes != null) {
                    for (LabelAndValue lv : themes.labelValues) {
                        list.add(new Suggestion("theme", lv.label, concept(Scheme.THEME, lv.label)));
                    }
                }
                return list;
            } catch (IllegalArgumentException noDatasetYet) {
                return List.<Suggestion>of();
            }
        }));
        return out;
    }
}
