package cn.zjdata.portal.tabular;

import cn.zjdata.portal.tabular.TableDiff.RowChange;
import cn.zjdata.portal.tabular.TableDiff.RowChange.Kind;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableDiffTest {

    @TempDir
    Path dir;

    private static final TableSchema CITIES = schema(List.of("code"),
            column("code"), column("name"), column("population", Datatype.INTEGER));

    @Test
    void identicalTablesAreIdentical() throws IOException {
        List<List<String>> rows = List.of(row("330100", "杭州", "12200000"), row("330200", "宁波", "9600000"));
        TableDiff diff = TableDiff.compare(table("a", CITIES, rows), CITIES, table("b", CITIES, rows), CITIES);

        assertTrue(diff.identical());
        assertFalse(diff.schemaChanged());
        assertTrue(diff.keyed());
        assertEquals(2, diff.rowsUnchanged());
        assertEquals(List.of(), diff.examples());
    }

    @Test
    void cellsThatDifferOnlyBySurroundingSpaceAreUnchanged() throws IOException {
        TableDiff diff = TableDiff.compare(
                table("a", CITIES, List.of(row("330100", "杭州", "12200000"))), CITIES,
                table("b", CITIES, List.of(row(" 330100", "杭州 ", " 12200000 "))), CITIES);

        assertTrue(diff.identical());
    }

    @Test
    void keyedTablesCountAddedRemovedAndChangedRowsAndShowThemBeforeAndAfter() throws IOException {
        Path previous = table("a", CITIES, List.of(
                row("330100", "杭州", "12200000"), row("330200", "宁波", "9600000"), row("330300", "温州", "9700000")));
        Path next = table("b", CITIES, List.of(
                row("330100", "杭州", "12300000"), row("330300", "温州", "9700000"), row("330400", "嘉兴", "5500000")));

        TableDiff diff = TableDiff.compare(previous, CITIES, next, CITIES);

        assertEquals(List.of(1L, 1L, 1L, 1L),
                List.of(diff.rowsAdded(), diff.rowsRemoved(), diff.rowsChanged(), diff.rowsUnchanged()));
        assertFalse(diff.identical());
        assertFalse(diff.schemaChanged());
        assertEquals(3, diff.previousRowCount());
        assertEquals(3, diff.nextRowCount());

        RowChange changed = diff.examples().get(0);
        assertEquals(Kind.CHANGED, changed.kind());
        assertEquals(List.of("330100"), changed.key());
        assertEquals(Map.of("code", "330100", "name", "杭州", "population", "12200000"), changed.before());
        assertEquals(Map.of("code", "330100", "name", "杭州", "population", "12300000"), changed.after());
        assertEquals(List.of("population"), changed.changedColumns());

        RowChange added = diff.examples().get(1);
        assertEquals(Kind.ADDED, added.kind());
        assertEquals(List.of("330400"), added.key());
        assertNull(added.before());
        assertEquals("嘉兴", added.after().get("name"));

        RowChange removed = diff.examples().get(2);
        assertEquals(Kind.REMOVED, removed.kind());
        assertEquals(List.of("330200"), removed.key());
        assertEquals("宁波", removed.before().get("name"));
        assertNull(removed.after());
        assertEquals(3, diff.examples().size());
    }

    @Test
    void addedAndRemovedColumnsChangeTheSchemaAndRowsAreComparedOnTheColumnsBothHave() throws IOException {
        TableSchema before = schema(List.of("code"), column("code"), column("name"), column("mayor"));
        TableSchema after = schema(List.of("code"), column("code"), column("name"), column("area", Datatype.DECIMAL));
        Path previous = table("a", before, List.of(row("330100", "杭州", "x"), row("330200", "宁波", "y")));
        Path next = table("b", after, List.of(row("330100", "杭州", "16850"), row("330200", "宁波市", "9816")));

        TableDiff diff = TableDiff.compare(previous, before, next, after);

        assertEquals(List.of("area"), diff.columnsAdded());
        assertEquals(List.of("mayor"), diff.columnsRemoved());
        assertTrue(diff.schemaChanged());
        assertFalse(diff.columnsReordered());
        assertEquals(1, diff.rowsUnchanged());
        assertEquals(1, diff.rowsChanged());
        RowChange changed = diff.examples().getFirst();
        assertEquals(List.of("name"), changed.changedColumns());
        assertEquals(Map.of("code", "330200", "name", "宁波", "mayor", "y"), changed.before());
        assertEquals(Map.of("code", "330200", "name", "宁波市", "area", "9816"), changed.after());
    }

    @Test
    void aColumnWhoseDatatypeChangedIsRetyped() throws IOException {
        TableSchema before = schema(List.of("code"), column("code"), column("year", Datatype.STRING));
        TableSchema after = schema(List.of("code"), column("code"), column("year", Datatype.YEAR));
        List<List<String>> rows = List.of(row("1", "2024"));

        TableDiff diff = TableDiff.compare(table("a", before, rows), before, table("b", after, rows), after);

        assertEquals(List.of("year"), diff.columnsRetyped());
        assertTrue(diff.schemaChanged());
        assertFalse(diff.identical());
        assertEquals(1, diff.rowsUnchanged());
    }

    @Test
    void reorderedColumnsChangeTheSchemaButNoRow() throws IOException {
        TableSchema after = schema(List.of("code"),
                column("name"), column("code"), column("population", Datatype.INTEGER));
        Path previous = table("a", CITIES, List.of(row("330100", "杭州", "12200000")));
        Path next = table("b", after, List.of(row("杭州", "330100", "12200000")));

        TableDiff diff = TableDiff.compare(previous, CITIES, next, after);

        assertTrue(diff.columnsReordered());
        assertTrue(diff.schemaChanged());
        assertEquals(List.of(), diff.columnsAdded());
        assertEquals(1, diff.rowsUnchanged());
    }

    @Test
    void unkeyedTablesAreComparedAsMultisetsOfRows() throws IOException {
        TableSchema plain = schema(List.of(), column("city"), column("count", Datatype.INTEGER));
        Path previous = table("a", plain, List.of(row("杭州", "1"), row("杭州", "1"), row("杭州", "1"), row("宁波", "2")));
        Path next = table("b", plain, List.of(row("杭州", "1"), row("宁波", "2"), row("宁波", "2"), row("温州", "3")));

        TableDiff diff = TableDiff.compare(previous, plain, next, plain);

        assertFalse(diff.keyed());
        assertEquals(2, diff.rowsUnchanged());
        assertEquals(2, diff.rowsAdded());
        assertEquals(2, diff.rowsRemoved());
        assertEquals(0, diff.rowsChanged());
        assertEquals(List.of(Kind.ADDED, Kind.ADDED, Kind.REMOVED, Kind.REMOVED),
                diff.examples().stream().map(RowChange::kind).toList());
        assertNull(diff.examples().getFirst().key());
        assertEquals(Map.of("city", "宁波", "count", "2"), diff.examples().get(0).after());
        assertEquals(Map.of("city", "温州", "count", "3"), diff.examples().get(1).after());
        assertEquals(Map.of("city", "杭州", "count", "1"), diff.examples().get(2).before());
    }

    @Test
    void aKeyColumnMissingFromThePreviousTableMakesTheComparisonUnkeyed() throws IOException {
        TableSchema before = schema(List.of(), column("name"), column("population", Datatype.INTEGER));
        Path previous = table("a", before, List.of(row("杭州", "12200000"), row("宁波", "9600000")));
        Path next = table("b", CITIES, List.of(row("330100", "杭州", "12200000"), row("330200", "宁波", "9700000")));

        TableDiff diff = TableDiff.compare(previous, before, next, CITIES);

        assertFalse(diff.keyed());
        assertEquals(List.of("code"), diff.columnsAdded());
        assertEquals(1, diff.rowsUnchanged());
        assertEquals(1, diff.rowsAdded());
        assertEquals(1, diff.rowsRemoved());
        assertEquals(0, diff.rowsChanged());
    }

    @Test
    void aPreviousTableWithOnlyAHeaderMakesEveryRowAdded() throws IOException {
        Path previous = table("a", CITIES, List.of());
        Path next = table("b", CITIES, List.of(row("330100", "杭州", "12200000"), row("330200", "宁波", "9600000")));

        TableDiff diff = TableDiff.compare(previous, CITIES, next, CITIES);

        assertEquals(2, diff.rowsAdded());
        assertEquals(0, diff.previousRowCount());
        assertEquals(List.of(List.of("330100"), List.of("330200")),
                diff.examples().stream().map(RowChange::key).toList());
    }

    @Test
    void cellsWithCommasQuotesAndNewlinesAreComparedByValue() throws IOException {
        TableSchema notes = schema(List.of("id"), column("id"), column("note"));
        Path previous = table("a", notes, List.of(
                row("1", "a, b"), row("2", "say \"hi\""), row("3", "line one\r\nline two"), row("4", "x,\"y\"\nz")));
        Path next = table("b", notes, List.of(
                row("1", "a, b"), row("2", "say \"hi\""), row("3", "line one\r\nline two"), row("4", "x,\"y\"\nzz")));

        TableDiff diff = TableDiff.compare(previous, notes, next, notes);

        assertEquals(3, diff.rowsUnchanged());
        assertEquals(1, diff.rowsChanged());
        RowChange changed = diff.examples().getFirst();
        assertEquals("x,\"y\"\nz", changed.before().get("note"));
        assertEquals("x,\"y\"\nzz", changed.after().get("note"));
    }

    @Test
    void cellsSplitAtADifferentPlaceAreDifferentRows() throws IOException {
        TableSchema pair = schema(List.of(), column("left"), column("right"));
        Path previous = table("a", pair, List.of(row("a", "bc"), row("", "x")));
        Path next = table("b", pair, List.of(row("ab", "c"), row("x", "")));

        TableDiff diff = TableDiff.compare(previous, pair, next, pair);

        assertEquals(0, diff.rowsUnchanged());
        assertEquals(2, diff.rowsAdded());
        assertEquals(2, diff.rowsRemoved());

        TableSchema keyedPair = schema(List.of("left", "right"), column("left"), column("right"));
        TableDiff byKey = TableDiff.compare(previous, keyedPair, next, keyedPair);
        assertEquals(2, byKey.rowsAdded());
        assertEquals(2, byKey.rowsRemoved());
    }

    @Test
    void repeatedKeysArePairedInOrderAndTheSurplusIsAddedOrRemoved() throws IOException {
        Path previous = table("a", CITIES, List.of(
                row("1", "a", "1"), row("1", "b", "2"), row("1", "c", "3"), row("2", "d", "4")));
        Path next = table("b", CITIES, List.of(
                row("1", "a", "1"), row("1", "B", "2"), row("2", "d", "4"), row("2", "e", "5")));

        TableDiff diff = TableDiff.compare(previous, CITIES, next, CITIES);

        assertEquals(2, diff.rowsUnchanged());
        assertEquals(1, diff.rowsChanged());
        assertEquals(1, diff.rowsAdded());
        assertEquals(1, diff.rowsRemoved());
        RowChange changed = diff.examples().getFirst();
        assertEquals("b", changed.before().get("name"));
        assertEquals("B", changed.after().get("name"));
        assertEquals("e", diff.examples().get(1).after().get("name"));
        assertEquals("c", diff.examples().get(2).before().get("name"));
    }

    @Test
    void manyIdenticalRowsAreCountedAsAMultiset() throws IOException {
        TableSchema plain = schema(List.of(), column("flag"));
        Path previous = dir.resolve("previous.csv");
        Path next = dir.resolve("next.csv");
        try (Writer a = writer(previous); Writer b = writer(next)) {
            a.write("flag\r\n");
            b.write("flag\r\n");
            for (int i = 0; i < 200_000; i++) {
                a.write("yes\r\n");
                if (i < 150_000) {
                    b.write("yes\r\n");
                }
            }
        }

        TableDiff diff = TableDiff.compare(previous, plain, next, plain);

        assertEquals(150_000, diff.rowsUnchanged());
        assertEquals(50_000, diff.rowsRemoved());
        assertEquals(0, diff.rowsAdded());
    }

    @Test
    void examplesAreLimitedAndTheKindsShareThePlaces() throws IOException {
        List<List<String>> before = new ArrayList<>();
        List<List<String>> after = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            before.add(row("c" + i, "x", "1"));
            after.add(row("c" + i, "y", "1"));
            before.add(row("r" + i, "x", "1"));
            after.add(row("a" + i, "x", "1"));
        }

        TableDiff diff = TableDiff.compare(table("a", CITIES, before), CITIES, table("b", CITIES, after), CITIES);

        assertEquals(List.of(30L, 30L, 30L), List.of(diff.rowsAdded(), diff.rowsRemoved(), diff.rowsChanged()));
        assertEquals(TableDiff.MAX_EXAMPLES, diff.examples().size());
        assertEquals(List.of("c0", "a0", "c1", "a1", "c2", "a2", "c3", "a3", "c4", "a4", "c5", "a5", "c6", "a6",
                        "r0", "r1", "r2", "r3", "r4", "r5"),
                diff.examples().stream().map(e -> e.key().getFirst()).toList());
    }

    @Test
    void millionRowTablesAreCountedExactly() throws IOException {
        TableSchema schema = schema(List.of("id"),
                column("id", Datatype.INTEGER), column("name"), column("value", Datatype.DECIMAL), column("note"));
        Path previous = dir.resolve("previous.csv");
        Path next = dir.resolve("next.csv");
        try (Writer a = writer(previous); Writer b = writer(next)) {
            a.write("id,name,value,note\r\n");
            b.write("id,name,value,note\r\n");
            for (int i = 0; i < 1_000_000; i++) {
                String line = i + ",站点-" + i + "," + (i % 977) + ".25,\"quiet, \"\"stable\"\" row\"\r\n";
                a.write(line);
                if (i < 500_000 && i % 1000 == 500) {
                    continue; // 500 rows dropped
                }
                b.write(i % 1000 == 0 ? i + ",站点-" + i + "," + (i % 977) + ".50,\"quiet, \"\"stable\"\" row\"\r\n" : line);
            }
            for (int i = 1_000_000; i < 1_000_700; i++) {
                b.write(i + ",新站点-" + i + ",1.0,\r\n");
            }
        }

        TableDiff diff = TableDiff.compare(previous, schema, next, schema);

        assertEquals(700, diff.rowsAdded());
        assertEquals(500, diff.rowsRemoved());
        assertEquals(1000, diff.rowsChanged());
        assertEquals(1_000_000 - 500 - 1000, diff.rowsUnchanged());
        assertEquals(TableDiff.MAX_EXAMPLES, diff.examples().size());
        RowChange first = diff.examples().getFirst();
        assertEquals(List.of("0"), first.key());
        assertEquals(List.of("value"), first.changedColumns());
        assertEquals("quiet, \"stable\" row", first.before().get("note"));
        assertEquals(List.of("500"), diff.examples().stream()
                .filter(e -> e.kind() == Kind.REMOVED).findFirst().orElseThrow().key());
    }

    private Path table(String name, TableSchema schema, List<List<String>> rows) throws IOException {
        Path file = dir.resolve(name + ".csv");
        try (CSVPrinter printer = new CSVPrinter(writer(file), CsvTables.CANONICAL)) {
            printer.printRecord(schema.names());
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        return file;
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }

    private static List<String> row(String... cells) {
        return Arrays.asList(cells);
    }

    private static TableSchema schema(List<String> primaryKey, Column... columns) {
        return new TableSchema(List.of(columns), primaryKey);
    }

    private static Column column(String name) {
        return column(name, Datatype.STRING);
    }

    private static Column column(String name, Datatype datatype) {
        return new Column(name, null, null, datatype, null, false, null, null, null, null);
    }
}
