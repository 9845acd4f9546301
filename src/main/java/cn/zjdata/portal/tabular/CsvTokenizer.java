package cn.zjdata.portal.tabular;

import cn.zjdata.portal.common.FieldError;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records, RFC 4180 with any one-character delimiter: a field that starts with a
 * double quote runs to the next lone quote and may hold delimiters, line breaks and doubled quotes;
 * elsewhere a quote is an ordinary character. Records end at LF, CRLF or CR. Unlike a general parser it
 * never holds more than one cell of {@code maxCellChars} characters and {@code maxColumns} cells: past
 * either it stops with a 422, so a 100 MB line or a header of a million columns costs almost nothing.
 */
final class CsvTokenizer {

    private final Reader reader;
    private final char delimiter;
    private final int maxColumns;
    private final int maxCellChars;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private final StringBuilder cell = new StringBuilder();
    private long record;
    private long line = 1;
    private List<String> names = List.of();

    CsvTokenizer(Reader reader, char delimiter, int maxColumns, int maxCellChars) {
        this.reader = reader;
        this.delimiter = delimiter;
        this.maxColumns = maxColumns;
        this.maxCellChars = maxCellChars;
    }

    /** Column names for messages about later records (by default, columns are named by position). */
    void columnNames(List<String> names) {
        this.names = names;
    }

    /** The number of the record {@link #next()} last returned, the header being 1. */
    long recordNumber() {
        return record;
    }

    /** The next record's cells, or null at the end of the text. */
    List<String> next() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        record++;
        long startLine = line;
        List<String> cells = new ArrayList<>();
        while (true) {
            cell.setLength(0);
            if (c == '"') {
                c = quoted(cells.size(), startLine);
            } else {
                while (c >= 0 && c != delimiter && c != '\n' && c != '\r') {
                    append((char) c, cells.size());
                    c = read();
                }
            }
            if (cells.size() == maxColumns) {
                throw UploadProblems.invalid("Row " + record + " has more than " + maxColumns
                        + " cells, the most a table may have", FieldError.of(rowName(), "has more than " + maxColumns
                        + " cells; the limit is " + maxColumns + " columns"));
            }
            cells.add(cell.toString());
            if (c == delimiter) {
                c = read();
                continue;
            }
            if (c == '\r') {
                line++;
                if (peek() == '\n') {
                    read();
                }
            } else if (c == '\n') {
                line++;
            }
            return cells;
        }
    }

    /** Reads a quoted field after its opening quote; returns the character after its closing quote. */
    private int quoted(int column, long startLine) throws IOException {
        while (true) {
            int c = read();
            if (c < 0) {
                throw UploadProblems.invalid("A quoted cell is never closed", FieldError.of(cellName(column),
                        "the quoted cell that starts on line " + startLine + " is never closed; a quoted cell ends with"
                                + " a quote, and quotes inside it are doubled (\"\")"));
            }
            if (c == '"') {
                int after = read();
                if (after != '"') {
                    if (after >= 0 && after != delimiter && after != '\n' && after != '\r') {
                        throw UploadProblems.invalid("Row " + record + " has a quoted cell followed by more text",
                                FieldError.of(cellName(column), "the quoted cell ends on line " + line + " with a quote "
                                        + "that is followed by '" + (char) after + "'; quotes inside a quoted cell are doubled (\"\")"));
                    }
                    return after;
                }
            } else if (c == '\n') {
                line += cell.isEmpty() || cell.charAt(cell.length() - 1) != '\r' ? 1 : 0;
            } else if (c == '\r') {
                line++;
            }
            append((char) c, column);
        }
    }

    private void append(char c, int column) {
        if (cell.length() == maxCellChars) {
            String where = cellName(column);
            throw UploadProblems.invalid("A cell is longer than " + maxCellChars + " characters, the most a cell may hold",
                    new FieldError(where, "the cell is longer than " + maxCellChars + " characters", record,
                            columnName(column), UploadProblems.abbreviate(cell.toString())));
        }
        cell.append(c);
    }

    private String rowName() {
        return record == 1 ? "header" : "row " + record;
    }

    private String cellName(int column) {
        return "row " + record + ", column " + columnName(column);
    }

    private String columnName(int column) {
        return column < names.size() ? names.get(column) : String.valueOf(column + 1);
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = reader.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
