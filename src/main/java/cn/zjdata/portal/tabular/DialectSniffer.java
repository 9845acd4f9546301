package cn.zjdata.portal.tabular;

import cn.zjdata.portal.common.ProblemException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a CSV upload's delimiter among comma, tab, semicolon and pipe (preferred in that order on a tie)
 * from its first records, splitting them as CSV (so a delimiter inside quotes does not count). The header
 * fixes the column count: a candidate must give the header more than one column, and wins by how many of
 * the following records have the same count. A table of one column has none; it gets the comma.
 */
final class DialectSniffer {

    static final char[] CANDIDATES = {',', '\t', ';', '|'};
    static final int SAMPLE_CHARS = 64 * 1024;
    static final int SAMPLE_RECORDS = 50;

    private DialectSniffer() {
    }

    /** Looks at the reader's first characters and resets it to where it was. */
    static char sniff(BufferedReader reader) throws IOException {
        reader.mark(SAMPLE_CHARS + 1);
        char[] buffer = new char[SAMPLE_CHARS];
        int length = 0;
        int n;
        while (length < SAMPLE_CHARS && (n = reader.read(buffer, length, SAMPLE_CHARS - length)) > 0) {
            length += n;
        }
        reader.reset();
        String sample = new String(buffer, 0, length);
        boolean truncated = length == SAMPLE_CHARS;
        char best = ',';
        double bestScore = -1;
        for (char candidate : CANDIDATES) {
            List<Integer> counts = cellCounts(sample, candidate, truncated);
            if (counts.isEmpty() || counts.getFirst() < 2) {
                continue;
            }
            int header = counts.getFirst();
            double score = counts.stream().filter(count -> count == header).count() / (double) counts.size();
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /** The cell counts of the sample's first non-blank records, split at the candidate delimiter. */
    private static List<Integer> cellCounts(String sample, char delimiter, boolean truncated) {
        CsvTokenizer tokenizer = new CsvTokenizer(new StringReader(sample), delimiter, SAMPLE_CHARS + 1, SAMPLE_CHARS + 1);
        List<Integer> counts = new ArrayList<>();
        boolean lastCounted = false;
        boolean endOfSample = false;
        try {
            while (counts.size() < SAMPLE_RECORDS) {
                List<String> record = tokenizer.next();
                if (record == null) {
                    endOfSample = true;
                    break;
                }
                lastCounted = !CanonicalSink.isBlank(record);
                if (lastCounted) {
                    counts.add(record.size());
                }
            }
        } catch (ProblemException | IOException malformed) {
            // the record that failed is not counted; the ones before it stand
        }
        if (truncated && endOfSample && lastCounted) {
            counts.removeLast(); // cut off by the end of the sample
        }
        return counts;
    }
}
