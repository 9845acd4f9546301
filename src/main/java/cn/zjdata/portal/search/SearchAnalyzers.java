package cn.zjdata.portal.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import java.util.HashMap;
import java.util.Map;

/**
 * How text becomes terms. Chinese is indexed as overlapping character bigrams plus single characters
 * (机器人 → 机 机器 器 器人 人), and a query is searched as the phrase of its bigrams, so any run of two or more
 * characters is found wherever it occurs, with no dictionary to miss new terms such as 上云; a one-character
 * query matches the single characters. Latin text in the same fields is split into lower-cased words.
 * English fields also go through the English analyzer (stop words, plural and suffix stemming).
 */
final class SearchAnalyzers {

    private SearchAnalyzers() {
    }

    /** What the index writer and the highlighter use. */
    static Analyzer index() {
        return perField(cjk(true));
    }

    /** What queries are analysed with. */
    static Analyzer query() {
        return perField(cjk(false));
    }

    /** Plain lower-cased words: the spelling vocabulary. */
    static Analyzer spelling() {
        return new StandardAnalyzer();
    }

    private static Analyzer perField(Analyzer cjk) {
        Map<String, Analyzer> fields = new HashMap<>();
        Analyzer english = new EnglishAnalyzer();
        SearchFields.ENGLISH.forEach(f -> fields.put(f, english));
        fields.put(SearchFields.SPELL, spelling());
        return new PerFieldAnalyzerWrapper(cjk, fields);
    }

    /** Standard tokenization, full-width forms folded, lower case, then Han/Kana/Hangul runs as bigrams. */
    static Analyzer cjk(boolean unigrams) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new CJKWidthFilter(source);
                stream = new LowerCaseFilter(stream);
                stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
                        | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, unigrams);
                return new TokenStreamComponents(source, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(new CJKWidthFilter(in));
            }
        };
    }
}
