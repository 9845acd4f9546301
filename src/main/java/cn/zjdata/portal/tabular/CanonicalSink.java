package cn.zjdata.portal.tabular;

import cn.zjdata.portal.common.FieldError;
import org.apache.commons.csv.CSVPrinter;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Receives an upload's rows from the CSV or the XLSX reader, checks the table's shape (a header of
 * distinct, non-blank names; every row as wide as the header; at least one row) and writes it as
 * canonical CSV ({@link CsvTables#CANONICAL}). Blank rows are dropped. Once a problem is found nothing
 * more is written, but reading goes on so that all ragged rows are counted.
 */
final class CanonicalSink implements Closeable {

    private final CSVPrinter printer;
    private final IntFunction<String> columnLabel;
    private final UploadProblems problems = new UploadProblems();
    private List<String> header;
    private long dataRows;

    /**
     * @param columnLabel names a column by its 0-based position as the uploader sees it ("3" or "C")
     */
    CanonicalSink(Path target, IntFunction<String> columnLabel) throws IOException {
        this.printer = new CSVPrinter(Files.newBufferedWriter(target, StandardCharsets.UTF_8), CsvTables.CANONICAL);
        this.columnLabel = columnLabel;
    }

    static boolean isBlank(List<String> cells) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    boolean hasHeader() {
        return header != null;
    }

    /** The header's column names, stripped; null before the header. */
    List<String> header() {
        return header;
    }

    long dataRows() {
        return dataRows;
    }

    UploadProblems problems() {
        return problems;
    }

    /** Takes the first non-blank row as the header; a blank or repeated name is a 422 at once. */
    void header(List<String> cells) throws IOException {
        List<String> names = new ArrayList<>(cells.size());
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).strip();
            if (name.startsWith("\uFEFF")) {
                name = name.substring(1).strip();
            }
            names.add(name);
            String where = "header, column " + columnLabel.apply(i);
            if (name.isEmpty()) {
                errors.add(FieldError.of(where, "the column has no name"));
                continue;
            }
            Integer earlier = seen.putIfAbsent(name, i);
            if (earlier != null) {
                errors.add(FieldError.of(where, "the column name '" + UploadProblems.abbreviate(name) + "' appears twice, in columns "
                        + columnLabel.apply(earlier) + " and " + columnLabel.apply(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw UploadProblems.invalid("The header row must name every column once: " + errors.getFirst().field() + ": "
                    + errors.getFirst().message() + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""),
                    errors.subList(0, Math.min(errors.size(), UploadProblems.MAX_LISTED)).toArray(FieldError[]::new));
        }
        header = List.copyOf(names);
        printer.printRecord(header);
    }

    /** Writes a data row, unless it is blank or does not have the header's width (then it is a problem). */
    void row(long rowNumber, List<String> cells) throws IOException {
        if (isBlank(cells)) {
            return;
        }
        if (cells.size() != header.size()) {
            problems.add(UploadProblems.Kind.RAGGED_ROW, FieldError.of("row " + rowNumber, "has " + cells.size()
                    + " cells, the header has " + header.size()));
            return;
        }
        dataRows++;
        if (!problems.any()) {
            printer.printRecord(cells);
        }
    }

    /** Reports what the whole table shows, then flushes the output. */
    void finish() throws IOException {
        if (header == null) {
            throw UploadProblems.invalid("The file is empty", FieldError.of("file", "the file is empty"));
        }
        if (dataRows == 0 && !problems.any()) {
            throw UploadProblems.invalid("The file has a header row but no data rows",
                    FieldError.of("file", "the file has a header row but no data rows"));
        }
        problems.throwIfAny();
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
