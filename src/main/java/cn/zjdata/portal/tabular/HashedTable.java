package cn.zjdata.portal.tabular;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over a stored table for {@link TableDiff}: the raw records one at a time, with the hashes of
 * their key and of the columns both tables share, and, for the few rows shown as examples, their cells.
 * Columns are found by the names in the file's header, so a table whose columns moved is read correctly.
 */
final class HashedTable implements Closeable {

    private final Path file;
    private final BufferedReader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> names;
    private final int[] all;
    private final int[] common;
    private final int[] key;
    private int ordinal = -1;

    /**
     * @param common the columns compared, in the same order for both tables
     * @param key    the key columns, or an empty list when rows are compared whole
     */
    HashedTable(Path file, TableSchema schema, List<String> common, List<String> key) throws IOException {
        this.file = file;
        this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        try {
            this.parser = CsvTables.READ.parse(reader);
            this.records = parser.iterator();
            Map<String, Integer> header = header();
            this.names = header.isEmpty() ? List.of() : schema.names();
            this.all = positions(header, names);
            this.common = positions(header, header.isEmpty() ? List.of() : common);
            this.key = positions(header, header.isEmpty() ? List.of() : key);
        } catch (UncheckedIOException e) {
            reader.close();
            throw e.getCause();
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** The next row, or null at the end of the file. */
    CSVRecord next() throws IOException {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            ordinal++;
            return record;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The position of the last row returned by {@link #next()}: the first row after the header is 0. */
    int ordinal() {
        return ordinal;
    }

    long contentHash(CSVRecord record) {
        return RowHasher.hash(record, common);
    }

    /** The hash of the key columns or, in a table compared without a key, of the shared columns. */
    long keyHash(CSVRecord record) {
        return key.length == 0 ? contentHash(record) : RowHasher.hash(record, key);
    }

    /** The stripped key values of a row, or null when rows are compared whole. */
    List<String> key(CSVRecord record) {
        if (key.length == 0) {
            return null;
        }
        List<String> values = new ArrayList<>(key.length);
        for (int position : key) {
            values.add(cell(record, position).strip());
        }
        return Collections.unmodifiableList(values);
    }

    /** Every cell of a row by column name, in schema order. */
    Map<String, String> cells(CSVRecord record) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < all.length; i++) {
            cells.put(names.get(i), cell(record, all[i]));
        }
        return cells;
    }

    @Override
    public void close() throws IOException {
        try (reader) {
            parser.close();
        }
    }

    private static String cell(CSVRecord record, int position) {
        return position < record.size() ? record.get(position) : "";
    }

    /** Column positions by name; empty when the file is empty (not even a header). */
    private Map<String, Integer> header() {
        if (!records.hasNext()) {
            return Map.of();
        }
        CSVRecord header = records.next();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            positions.putIfAbsent(i == 0 && name.startsWith("\uFEFF") ? name.substring(1) : name, i);
        }
        return positions;
    }

    private int[] positions(Map<String, Integer> header, List<String> columns) {
        int[] positions = new int[columns.size()];
        for (int i = 0; i < positions.length; i++) {
            Integer position = header.get(columns.get(i));
            if (position == null) {
                throw new IllegalStateException("stored table " + file.getFileName() + " has no column "
                        + columns.get(i) + " in its header");
            }
            positions[i] = position;
        }
        return positions;
    }
}
