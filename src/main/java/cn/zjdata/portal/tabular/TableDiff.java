package cn.zjdata.portal.tabular;

import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * What changed between two releases of a table: its columns, and its rows counted and illustrated.
 *
 * <p><b>Columns.</b> A column is added or removed by name; a column both tables have is retyped when its
 * datatype or its list separator differs (a list of integers is not an integer). The columns both have
 * are reordered when their relative order differs (added and removed columns aside).
 *
 * <p><b>Rows.</b> Only the columns both tables have are compared, cell by cell after stripping
 * whitespace: a value in a column only one table has is not a row change, the column change covers it.
 * When the next schema has a primary key whose columns both tables have, the comparison is {@link #keyed}:
 * a row of the next table whose key the previous table has is unchanged or changed, the others are added,
 * and the previous rows left unmatched are removed. Otherwise rows are compared whole, as a multiset:
 * a next row equal to a not yet matched previous row is unchanged, the others are added, the previous rows
 * left over are removed, and no row is ever "changed". Either way
 * {@code unchanged + changed + removed} is the number of previous rows and
 * {@code unchanged + changed + added} the number of next rows.
 *
 * <p>A published table never repeats a key, but should one do so, the n-th row with a key in the next
 * table is compared with the n-th row with that key in the previous one, and the rows one table has more
 * of are added or removed. Rows compared whole work the same way, which is what makes them a multiset.
 *
 * <p><b>Memory.</b> Neither table is held in memory. A first pass reduces each previous row to a 64-bit
 * hash of its key and one of its compared cells, kept in primitive arrays (about 40 MB for a million
 * rows); a second pass over the next table hashes each row the same way and matches it; a third pass, over
 * the previous table again and only as far as needed, reads the few rows shown as examples. Comparing
 * hashes instead of text can err only if two different keys or two different rows have the same hash,
 * which for a million rows has a probability of the order of 10⁻⁸ (see {@link RowHasher}).
 *
 * @param columnsAdded     in the next table's order
 * @param columnsRemoved   in the previous table's order
 * @param columnsRetyped   in the next table's order
 * @param keyed            whether rows were matched by the next schema's primary key
 * @param examples         at most {@link #MAX_EXAMPLES} rows: added and changed ones in the next table's
 *                         order, then removed ones in the previous table's order; when rows of more than
 *                         one kind differ the kinds share the places evenly
 * @param columnsReordered whether the columns both tables have are in a different order
 */
public record TableDiff(List<String> columnsAdded, List<String> columnsRemoved, List<String> columnsRetyped,
                        long rowsAdded, long rowsRemoved, long rowsChanged, long rowsUnchanged,
                        boolean keyed, List<RowChange> examples, boolean columnsReordered) {

    /** The comparison of a table of {@code rows} rows with itself, known without reading it. */
    public static TableDiff identical(long rows, boolean keyed) {
        return new TableDiff(List.of(), List.of(), List.of(), 0, 0, 0, rows, keyed, List.of(), false);
    }

    /** At most how many differing rows a diff shows as examples. */
    public static final int MAX_EXAMPLES = 20;

    public TableDiff {
        columnsAdded = List.copyOf(columnsAdded);
        columnsRemoved = List.copyOf(columnsRemoved);
        columnsRetyped = List.copyOf(columnsRetyped);
        examples = List.copyOf(examples);
    }

    /**
     * Whether the table's layout changed: a column added, removed or retyped, or the columns reordered.
     * A reorder counts, because whoever reads the CSV by position must adapt, though no value changed.
     */
    public boolean schemaChanged() {
        return !columnsAdded.isEmpty() || !columnsRemoved.isEmpty() || !columnsRetyped.isEmpty() || columnsReordered;
    }

    /** Whether nothing changed: the same columns in the same order, and the same rows (cells compared stripped). */
    public boolean identical() {
        return !schemaChanged() && rowsAdded == 0 && rowsRemoved == 0 && rowsChanged == 0;
    }

    public long previousRowCount() {
        return rowsUnchanged + rowsChanged + rowsRemoved;
    }

    public long nextRowCount() {
        return rowsUnchanged + rowsChanged + rowsAdded;
    }

    /**
     * One row that differs.
     *
     * @param key    the key values, or null when rows were compared whole
     * @param before every cell of the previous row by column name, or null for an added row
     * @param after  every cell of the next row by column name, or null for a removed row
     */
    public record RowChange(Kind kind, List<String> key, Map<String, String> before, Map<String, String> after) {

        public enum Kind { ADDED, REMOVED, CHANGED }

        public RowChange {
            Objects.requireNonNull(kind);
            key = key == null ? null : List.copyOf(key);
            before = before == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(before));
            after = after == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(after));
        }

        /** The columns both rows have whose values differ (after stripping); empty unless changed. */
        public List<String> changedColumns() {
            if (before == null || after == null) {
                return List.of();
            }
            return after.keySet().stream()
                    .filter(c -> before.containsKey(c) && !before.get(c).strip().equals(after.get(c).strip()))
                    .toList();
        }
    }

    /** Compares two stored tables (canonical CSV, see {@link CsvTables}) in three streaming passes. */
    public static TableDiff compare(Path previous, TableSchema previousSchema, Path next, TableSchema nextSchema)
            throws IOException {
        List<String> before = previousSchema.names();
        List<String> after = nextSchema.names();
        List<String> common = after.stream().filter(before::contains).toList();
        List<String> key = nextSchema.primaryKey();
        boolean keyed = !key.isEmpty() && before.containsAll(key) && after.containsAll(key);
        List<String> matchBy = keyed ? key : List.of();

        RowIndex index = new RowIndex();
        try (HashedTable table = new HashedTable(previous, previousSchema, common, matchBy)) {
            for (CSVRecord row = table.next(); row != null; row = table.next()) {
                index.add(table.keyHash(row), table.contentHash(row), table.ordinal());
            }
        }

        long added = 0;
        long changed = 0;
        long unchanged = 0;
        List<Pending> addedExamples = new ArrayList<>();
        List<Pending> changedExamples = new ArrayList<>();
        try (HashedTable table = new HashedTable(next, nextSchema, common, matchBy)) {
            for (CSVRecord row = table.next(); row != null; row = table.next()) {
                int slot = index.match(table.keyHash(row));
                if (slot < 0) {
                    added++;
                    if (addedExamples.size() < MAX_EXAMPLES) {
                        addedExamples.add(new Pending(table.ordinal(), -1, table.key(row), table.cells(row)));
                    }
                } else if (index.content(slot) == table.contentHash(row)) {
                    unchanged++;
                } else {
                    changed++;
                    if (changedExamples.size() < MAX_EXAMPLES) {
                        changedExamples.add(new Pending(table.ordinal(), index.ordinal(slot), table.key(row),
                                table.cells(row)));
                    }
                }
            }
        }
        long removed = index.size() - changed - unchanged;

        List<Integer> removedOrdinals = firstUnmatched(index);
        int[] shares = share(addedExamples.size(), changedExamples.size(), removedOrdinals.size());
        List<Pending> nextSide = new ArrayList<>(addedExamples.subList(0, shares[0]));
        nextSide.addAll(changedExamples.subList(0, shares[1]));
        nextSide.sort(Comparator.comparingInt(Pending::nextOrdinal));
        removedOrdinals = removedOrdinals.subList(0, shares[2]);

        Set<Integer> wanted = new HashSet<>(removedOrdinals);
        nextSide.forEach(p -> wanted.add(p.previousOrdinal()));
        wanted.remove(-1);
        Map<Integer, Pending> previousRows = readPrevious(previous, previousSchema, common, matchBy, wanted);

        List<RowChange> examples = new ArrayList<>();
        for (Pending p : nextSide) {
            Map<String, String> was = p.previousOrdinal() < 0 ? null : previousRows.get(p.previousOrdinal()).cells();
            examples.add(new RowChange(was == null ? RowChange.Kind.ADDED : RowChange.Kind.CHANGED, p.key(), was,
                    p.cells()));
        }
        for (int ordinal : removedOrdinals) {
            Pending p = previousRows.get(ordinal);
            examples.add(new RowChange(RowChange.Kind.REMOVED, p.key(), p.cells(), null));
        }

        return new TableDiff(
                after.stream().filter(c -> !before.contains(c)).toList(),
                before.stream().filter(c -> !after.contains(c)).toList(),
                common.stream().filter(c -> retyped(previousSchema.column(c).orElseThrow(),
                        nextSchema.column(c).orElseThrow())).toList(),
                added, removed, changed, unchanged, keyed, examples,
                !before.stream().filter(after::contains).toList().equals(common));
    }

    /** A row kept for an example until the other side of it is read. */
    private record Pending(int nextOrdinal, int previousOrdinal, List<String> key, Map<String, String> cells) {
    }

    private static boolean retyped(Column before, Column after) {
        return before.datatype() != after.datatype()
                || !Objects.equals(blankToNull(before.separator()), blankToNull(after.separator()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** The ordinals of the first {@link #MAX_EXAMPLES} previous rows never matched, in file order. */
    private static List<Integer> firstUnmatched(RowIndex index) {
        PriorityQueue<Integer> lowest = new PriorityQueue<>(Comparator.reverseOrder());
        index.forEachUnmatched(ordinal -> {
            if (lowest.size() < MAX_EXAMPLES) {
                lowest.add(ordinal);
            } else if (ordinal < lowest.peek()) {
                lowest.poll();
                lowest.add(ordinal);
            }
        });
        List<Integer> ordinals = new ArrayList<>(lowest);
        Collections.sort(ordinals);
        return ordinals;
    }

    /** How many examples of each kind to show: places handed out in turn while a kind has some left. */
    private static int[] share(int... available) {
        int[] taken = new int[available.length];
        int total = 0;
        boolean progress = true;
        while (total < MAX_EXAMPLES && progress) {
            progress = false;
            for (int kind = 0; kind < available.length && total < MAX_EXAMPLES; kind++) {
                if (taken[kind] < available[kind]) {
                    taken[kind]++;
                    total++;
                    progress = true;
                }
            }
        }
        return taken;
    }

    /** The key and cells of the previous rows at the wanted ordinals, reading no further than the last. */
    private static Map<Integer, Pending> readPrevious(Path file, TableSchema schema, List<String> common,
                                                      List<String> key, Set<Integer> wanted) throws IOException {
        Map<Integer, Pending> rows = new HashMap<>();
        if (wanted.isEmpty()) {
            return rows;
        }
        try (HashedTable table = new HashedTable(file, schema, common, key)) {
            for (CSVRecord row = table.next(); row != null && rows.size() < wanted.size(); row = table.next()) {
                if (wanted.contains(table.ordinal())) {
                    rows.put(table.ordinal(), new Pending(-1, table.ordinal(), table.key(row), table.cells(row)));
                }
            }
        }
        if (rows.size() < wanted.size()) {
            throw new IOException("stored table " + file.getFileName() + " changed while it was being compared");
        }
        return rows;
    }
}
