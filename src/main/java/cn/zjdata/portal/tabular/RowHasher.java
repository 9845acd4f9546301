package cn.zjdata.portal.tabular;

import org.apache.commons.csv.CSVRecord;

/**
 * A 64-bit hash of chosen cells of a CSV record, for {@link TableDiff}.
 *
 * <p>Each cell is stripped, then fed as its length followed by its UTF-16 code units packed four to a
 * 64-bit word. The length prefix makes the encoding of a row unambiguous: ("a", "bc") and ("ab", "c")
 * feed different words, and so do ("a", "") and ("", "a"). Words are mixed by the MurmurHash3 x64 lane
 * (multiply, rotate, multiply, xor into the state, rotate, multiply-add) and the result goes through its
 * 64-bit finaliser. Every step is a bijection of the state, so two rows of the same shape that differ in
 * a single word never collide; otherwise the hashes behave as random 64-bit values, and among {@code n}
 * distinct inputs a collision has probability about n²/2⁶⁵ (3·10⁻⁸ for a million rows).
 * It is not a cryptographic hash: someone could craft two rows with the same hash on purpose, which would
 * only make the diff of their own tables under-report a change.
 */
final class RowHasher {

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;
    private static final long SEED = 0x9E3779B97F4A7C15L;

    private RowHasher() {
    }

    /** The hash of the cells at {@code positions}, in that order; a missing cell reads as empty. */
    static long hash(CSVRecord record, int[] positions) {
        return hash(record, positions, SEED);
    }

    /** As {@link #hash(CSVRecord, int[])} from another seed: two seeds give two independent 64-bit hashes. */
    static long hash(CSVRecord record, int[] positions, long seed) {
        long h = seed;
        for (int position : positions) {
            String cell = position < record.size() ? record.get(position).strip() : "";
            int length = cell.length();
            h = absorb(h, length);
            int i = 0;
            for (; i + 4 <= length; i += 4) {
                h = absorb(h, cell.charAt(i) | (long) cell.charAt(i + 1) << 16
                        | (long) cell.charAt(i + 2) << 32 | (long) cell.charAt(i + 3) << 48);
            }
            if (i < length) {
                long word = 0;
                for (int shift = 0; i < length; i++, shift += 16) {
                    word |= (long) cell.charAt(i) << shift;
                }
                h = absorb(h, word);
            }
        }
        return mix(h ^ positions.length);
    }

    private static long absorb(long h, long word) {
        long k = Long.rotateLeft(word * C1, 31) * C2;
        return Long.rotateLeft(h ^ k, 27) * 5 + 0x52dce729;
    }

    /** The MurmurHash3 64-bit finaliser: a bijection in which every input bit affects every output bit. */
    static long mix(long h) {
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
