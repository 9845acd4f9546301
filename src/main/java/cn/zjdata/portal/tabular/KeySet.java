package cn.zjdata.portal.tabular;

/**
 * The primary keys seen so far in a table, as 128-bit hashes (two independent 64-bit hashes) with the row
 * each was first seen in: 20 bytes a row, so a table of a million rows is checked in about 40 MB. Two
 * different keys share a 128-bit hash with a probability of about n²/2¹²⁹ — never, in practice.
 */
final class KeySet {

    private static final long SEED_A = 0x9E3779B97F4A7C15L;
    private static final long SEED_B = 0xC2B2AE3D27D4EB4FL;

    private long[] first = new long[1024];
    private long[] second = new long[1024];
    private long[] rows = new long[1024]; // 0 = empty slot (row numbers start at 2)
    private int size;

    /** Adds the key of a record; returns 0 when it is new, or the row it was first seen in. */
    long add(org.apache.commons.csv.CSVRecord record, int[] keyPositions, long rowNumber) {
        long a = RowHasher.hash(record, keyPositions, SEED_A);
        long b = RowHasher.hash(record, keyPositions, SEED_B);
        if ((size + 1) * 4L > rows.length * 3L) {
            grow();
        }
        int mask = rows.length - 1;
        for (int i = (int) RowHasher.mix(a ^ b) & mask; ; i = (i + 1) & mask) {
            if (rows[i] == 0) {
                first[i] = a;
                second[i] = b;
                rows[i] = rowNumber;
                size++;
                return 0;
            }
            if (first[i] == a && second[i] == b) {
                return rows[i];
            }
        }
    }

    private void grow() {
        long[] oldFirst = first;
        long[] oldSecond = second;
        long[] oldRows = rows;
        first = new long[oldRows.length * 2];
        second = new long[oldRows.length * 2];
        rows = new long[oldRows.length * 2];
        int mask = rows.length - 1;
        for (int j = 0; j < oldRows.length; j++) {
            if (oldRows[j] != 0) {
                int i = (int) RowHasher.mix(oldFirst[j] ^ oldSecond[j]) & mask;
                while (rows[i] != 0) {
                    i = (i + 1) & mask;
                }
                first[i] = oldFirst[j];
                second[i] = oldSecond[j];
                rows[i] = oldRows[j];
            }
        }
    }
}
