package cn.zjdata.portal.search;

import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.search.SearchResult.IndicatorHit;
import cn.zjdata.portal.search.SearchResult.Suggestion;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What to offer when a search finds nothing. */
final class SearchSuggestions {

    static final int INDICATORS = 5;
    static final int THEMES = 5;

    private final SearchQueries queries;
    private final DirectSpellChecker spellChecker = new DirectSpellChecker();

    SearchSuggestions(SearchQueries queries) {
        this.queries = queries;
        spellChecker.setMinQueryLength(3);
    }

    /**
     * "Did you mean": each Latin word the index does not know is replaced by the closest word it does (by
     * edit distance, among the words of titles, descriptions, keywords, names and data). Chinese words are
     * not respelled; the indicator suggestions cover them.
     */
    List<Suggestion> spelling(IndexSearcher searcher, String text) throws IOException {
        List<String> words = SearchQueries.words(text);
        List<String> corrected = new ArrayList<>();
        boolean changed = false;
        for (String word : words) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.matches("[a-z]+") && searcher.getIndexReader().docFreq(new Term(SearchFields.SPELL, lower)) == 0) {
                SuggestWord[] similar = spellChecker.suggestSimilar(new Term(SearchFields.SPELL, lower), 1,
                        searcher.getIndexReader(), SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                if (similar.length > 0) {
                    corrected.add(similar[0].string);
                    changed = true;
                    continue;
                }
            }
            corrected.add(word);
        }
        if (!changed) {
            return List.of();
        }
        String query = String.join(" ", corrected);
        return List.of(new Suggestion("spelling", query, LocalizedText.of(query, query)));
    }

    /** Indicators whose names share some of the query's words or characters, not already listed. */
    List<Suggestion> indicators(IndexSearcher searcher, String text, List<IndicatorHit> shown) throws IOException {
        Query loose = queries.loose(text);
        if (loose == null) {
            return List.of();
        }
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(SearchFields.TYPE, SearchFields.INDICATOR)), Occur.FILTER)
                .add(loose, Occur.MUST)
                .build();
        Set<String> already = shown.stream().map(IndicatorHit::code).collect(Collectors.toSet());
        List<Suggestion> out = new ArrayList<>();
        var stored = searcher.storedFields();
        for (ScoreDoc d : searcher.search(query, INDICATORS + already.size()).scoreDocs) {
            var doc = stored.document(d.doc);
            String code = doc.get(SearchFields.ID);
            if (!already.contains(code) && out.size() < INDICATORS) {
                out.add(new Suggestion("indicator", code,
                        LocalizedText.of(doc.get(SearchFields.TITLE_ZH), doc.get(SearchFields.TITLE_EN))));
            }
        }
        return out;
    }
}
