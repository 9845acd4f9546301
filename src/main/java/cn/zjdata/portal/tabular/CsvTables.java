package cn.zjdata.portal.tabular;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reading the portal's stored tables. A stored release file is canonical: UTF-8 without BOM, RFC 4180
 * (comma, double quotes, CRLF), a header row of the schema's column names in schema order, every row
 * checked against the schema when it was published. Reads stream row by row in constant memory.
 */
public final class CsvTables {

    /** How the portal writes every table it stores or serves as CSV. */
    public static final CSVFormat CANONICAL = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    /** How the portal reads a CSV: RFC 4180, tolerant of LF line ends. */
    public static final CSVFormat READ = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private CsvTables() {
    }

    /** Receives each typed row of a stored table. */
    @FunctionalInterface
    public interface RowHandler {
        /**
         * @param rowNumber the row as a spreadsheet numbers it: the header is row 1
         * @param values    typed values in schema column order (see {@link Column#parse})
         */
        void row(long rowNumber, List<Object> values) throws IOException;
    }

    /** Streams the typed rows of a stored (canonical, already validated) table. */
    public static void readTyped(Path file, TableSchema schema, RowHandler handler) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = READ.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                return;
            }
            records.next(); // header, in schema order
            List<Column> columns = schema.columns();
            long rowNumber = 1;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                rowNumber++;
                List<Object> values = new ArrayList<>(columns.size());
                for (int i = 0; i < columns.size(); i++) {
                    String raw = i < record.size() ? record.get(i) : "";
                    try {
                        values.add(columns.get(i).parse(raw));
                    } catch (InvalidCellException e) {
                        throw new IllegalStateException("stored table " + file.getFileName() + " row " + rowNumber
                                + ", column " + columns.get(i).name() + ": " + e.getMessage(), e);
                    }
                }
                handler.row(rowNumber, values);
            }
        }
    }

    /** Receives each row of a stored table, readable by column name. */
    @FunctionalInterface
    public interface NamedRowHandler {
        void row(NamedRow row) throws IOException;
    }

    /** Streams the rows of a stored table, readable by column name. */
    public static void readNamed(Path file, TableSchema schema, NamedRowHandler handler) throws IOException {
        java.util.Map<String, Integer> positions = new java.util.HashMap<>();
        for (int i = 0; i < schema.columns().size(); i++) {
            positions.put(schema.columns().get(i).name(), i);
        }
        readTyped(file, schema, (rowNumber, values) -> handler.row(new NamedRow(positions, values, rowNumber)));
    }

    /** Streams the raw cells of a stored table, header first. */
    public static void readRaw(Reader reader, RawHandler handler) throws IOException {
        try (CSVParser parser = READ.parse(reader)) {
            for (CSVRecord record : parser) {
                handler.record(record);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    public interface RawHandler {
        void record(CSVRecord record) throws IOException;
    }
}
