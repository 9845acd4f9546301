package cn.zjdata.portal.search;

import cn.zjdata.portal.search.SearchResult.Segment;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the passages of stored fields that matched a query and returns them as segments of plain text,
 * the matched ones marked, so that a page escapes every character (titles come from uploads).
 * Titles are highlighted whole; other fields as sentences (a text cell of the data is one sentence),
 * cut to a window around the first match when long.
 */
final class SearchHighlighter {

    /** Longest passage shown, in characters. */
    static final int MAX_PASSAGE = 160;
    private static final Set<String> WHOLE = Set.of(SearchFields.TITLE_ZH, SearchFields.TITLE_EN);

    private final Highlighter highlighter;

    SearchHighlighter(IndexSearcher searcher, int maxLength) {
        this.highlighter = new Highlighter(UnifiedHighlighter.builder(searcher, SearchAnalyzers.index())
                .withFormatter(new SegmentFormatter())
                .withMaxLength(maxLength)
                .withMaxNoHighlightPassages(0)
                .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.ROOT)));
    }

    /**
     * For each field, each document's passages (null when nothing in it matched).
     *
     * @param maxPassages passages per field, in the order of {@code fields}
     */
    @SuppressWarnings("unchecked")
    Map<String, List<List<List<Segment>>>> highlight(Query query, int[] docIds, String[] fields, int[] maxPassages) throws IOException {
        Map<String, Object[]> raw = highlighter.objects(fields, query, docIds, maxPassages);
        Map<String, List<List<List<Segment>>>> out = new HashMap<>();
        raw.forEach((field, perDoc) -> {
            List<List<List<Segment>>> docs = new ArrayList<>();
            for (Object o : perDoc) {
                docs.add(o == null ? null : (List<List<Segment>>) o);
            }
            out.put(field, docs);
        });
        return out;
    }

    private static final class Highlighter extends UnifiedHighlighter {
        Highlighter(Builder builder) {
            super(builder);
        }

        @Override
        protected BreakIterator getBreakIterator(String field) {
            return WHOLE.contains(field) ? new WholeBreakIterator() : super.getBreakIterator(field);
        }

        Map<String, Object[]> objects(String[] fields, Query query, int[] docIds, int[] maxPassages) throws IOException {
            return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
        }
    }

    /** Passages as lists of segments; overlapping matches (bigrams overlap) are merged. */
    static final class SegmentFormatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            List<List<Segment>> out = new ArrayList<>();
            for (Passage p : passages) {
                List<int[]> matches = merged(p);
                int start = p.getStartOffset();
                int end = p.getEndOffset();
                if (end - start > MAX_PASSAGE && !matches.isEmpty()) {
                    int first = matches.getFirst()[0];
                    start = Math.max(start, first - MAX_PASSAGE / 3);
                    end = Math.min(end, start + MAX_PASSAGE);
                }
                List<Segment> segments = segments(content, start, end, matches);
                if (start > p.getStartOffset()) {
                    segments.addFirst(new Segment("…", false));
                }
                if (end < p.getEndOffset()) {
                    segments.addLast(new Segment("…", false));
                }
                out.add(segments);
            }
            return out;
        }

        static List<int[]> merged(Passage p) {
            List<int[]> spans = new ArrayList<>();
            for (int i = 0; i < p.getNumMatches(); i++) {
                spans.add(new int[]{p.getMatchStarts()[i], p.getMatchEnds()[i]});
            }
            spans.sort((a, b) -> Integer.compare(a[0], b[0]));
            List<int[]> merged = new ArrayList<>();
            for (int[] s : spans) {
                if (!merged.isEmpty() && s[0] <= merged.getLast()[1]) {
                    merged.getLast()[1] = Math.max(merged.getLast()[1], s[1]);
                } else {
                    merged.add(new int[]{s[0], s[1]});
                }
            }
            return merged;
        }

        static List<Segment> segments(String content, int start, int end, List<int[]> matches) {
            List<Segment> segments = new ArrayList<>();
            int at = start;
            for (int[] m : matches) {
                int from = Math.max(m[0], start);
                int to = Math.min(m[1], end);
                if (from >= to) {
                    continue;
                }
                if (from > at) {
                    segments.add(new Segment(content.substring(at, from), false));
                }
                segments.add(new Segment(content.substring(from, to), true));
                at = to;
            }
            if (at < end && !content.substring(at, end).isBlank()) {
                segments.add(new Segment(content.substring(at, end).stripTrailing(), false));
            }
            if (!segments.isEmpty() && !segments.getFirst().matched()) {
                segments.set(0, new Segment(segments.getFirst().text().stripLeading(), false));
            }
            return segments;
        }
    }
}
