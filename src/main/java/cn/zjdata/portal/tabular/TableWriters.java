package cn.zjdata.portal.tabular;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Serves a stored table in the download formats, streaming row by row in constant memory. */
public final class TableWriters {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
    private static final String FORMULA_TRIGGERS = "=+-@\t\r";

    private TableWriters() {
    }

    /**
     * A JSON array with one object per row, each value typed by its column (numbers, booleans, lists, null).
     * Numbers were checked when published, so one already written as JSON writes it (a number is copied
     * as-is: 1.50 stays 1.50); only forms JSON lacks ("+5", ".5", "007") go through BigDecimal.
     */
    public static void writeJson(Path file, TableSchema schema, OutputStream out) throws IOException {
        List<Column> columns = schema.columns();
        try (JsonGenerator json = JSON.createGenerator(out);
             BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            json.writeStartArray();
            CsvTables.readRaw(reader, record -> {
                if (record.getRecordNumber() == 1) {
                    return; // the header
                }
                json.writeStartObject();
                for (int i = 0; i < columns.size(); i++) {
                    Column column = columns.get(i);
                    json.writeFieldName(column.name());
                    writeCell(json, column, i < record.size() ? record.get(i) : "", record.getRecordNumber());
                }
                json.writeEndObject();
            });
            json.writeEndArray();
        }
    }

    private static void writeCell(JsonGenerator json, Column column, String cell, long row) throws IOException {
        if (cell.isEmpty()) {
            json.writeNull();
            return;
        }
        if (column.separator() != null && !column.separator().isEmpty()) {
            writeValue(json, parse(column, cell, row));
            return;
        }
        switch (column.datatype()) {
            case STRING -> json.writeString(cell);
            case INTEGER, DECIMAL, YEAR -> {
                if (JsonNumbers.isJsonNumber(cell)) {
                    json.writeNumber(cell);
                } else {
                    writeValue(json, parse(column, cell, row));
                }
            }
            default -> writeValue(json, parse(column, cell, row));
        }
    }

    private static Object parse(Column column, String cell, long row) throws IOException {
        try {
            return column.parse(cell);
        } catch (InvalidCellException e) {
            throw new IllegalStateException("stored table row " + row + ", column " + column.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The Excel-friendly CSV: a UTF-8 byte-order mark so Excel reads Chinese correctly, and every text cell
     * that a spreadsheet would run as a formula prefixed with an apostrophe. Numeric columns are left as they
     * are: their cells were checked to be plain numbers when published, so "-5" stays a number.
     */
    public static void writeExcelCsv(Path file, TableSchema schema, OutputStream out) throws IOException {
        List<Column> columns = schema.columns();
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CsvTables.CANONICAL);
        List<String> cells = new ArrayList<>(columns.size());
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvTables.readRaw(reader, record -> {
                boolean header = record.getRecordNumber() == 1;
                cells.clear();
                for (int i = 0; i < record.size(); i++) {
                    String cell = record.get(i);
                    boolean text = header || i >= columns.size() || !columns.get(i).datatype().isNumeric();
                    cells.add(text ? neutralise(cell) : cell);
                }
                printer.printRecord(cells);
            });
        }
        printer.flush();
    }

    /** Prefixes a cell that a spreadsheet would evaluate as a formula. */
    public static String neutralise(String cell) {
        if (!cell.isEmpty() && FORMULA_TRIGGERS.indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case List<?> list -> {
                json.writeStartArray();
                for (Object item : list) {
                    writeValue(json, item);
                }
                json.writeEndArray();
            }
            case Long l -> json.writeNumber(l);
            case Integer i -> json.writeNumber(i);
            case BigInteger b -> json.writeNumber(b);
            case BigDecimal d -> json.writeNumber(d);
            case Boolean b -> json.writeBoolean(b);
            case LocalDate d -> json.writeString(d.toString());
            default -> json.writeString(value.toString());
        }
    }
}
