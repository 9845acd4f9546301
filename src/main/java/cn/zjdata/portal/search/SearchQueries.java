package cn.zjdata.portal.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns what a reader typed into a Lucene query, never through a query syntax (a reader's quote or colon
 * is text, not an operator). Every whitespace-separated word must match (in any field); within a field a
 * word matches as a phrase, so 机器人 matches the bigrams 机器 器人 next to each other, and an English word
 * matches its stem. A word that is a code (an indicator code, a slug) also matches exactly.
 */
final class SearchQueries {

    private final QueryBuilder builder;

    SearchQueries(Analyzer queryAnalyzer) {
        this.builder = new QueryBuilder(queryAnalyzer);
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.strip().split("(?U)\\s+")) {
            if (!w.isBlank()) {
                words.add(w);
            }
        }
        return words;
    }

    /** The query for the text; null when no word of it yields a term (punctuation only, say). */
    Query text(String text) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        for (String word : words(text)) {
            Query q = word(word);
            if (q != null) {
                all.add(q, Occur.MUST);
                clauses++;
            }
        }
        return clauses == 0 ? null : all.build();
    }

    /**
     * A looser query for suggestions: any term of any word in the names (titles, aliases), so 机器人专利
     * still meets the indicators named with 机器人 or 专利.
     */
    Query loose(String text) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        for (String field : List.of(SearchFields.TITLE_ZH, SearchFields.TITLE_EN, SearchFields.KEYWORDS)) {
            Query q = builder.createBooleanQuery(field, text, Occur.SHOULD);
            if (q != null) {
                any.add(q, Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : any.build();
    }

    private Query word(String word) {
        List<Query> alternatives = new ArrayList<>();
        for (Map.Entry<String, Float> field : SearchFields.BOOSTS.entrySet()) {
            Query q = builder.createPhraseQuery(field.getKey(), word);
            if (q != null) {
                alternatives.add(new BoostQuery(q, field.getValue()));
            }
        }
        alternatives.add(new BoostQuery(new TermQuery(new Term(SearchFields.CODE, word.toLowerCase(Locale.ROOT))),
                SearchFields.CODE_BOOST));
        // Stop words ("the", "of") yield no English term; the CJK fields still hold them, so the word is kept.
        return new DisjunctionMaxQuery(alternatives, 0.1f);
    }
}
