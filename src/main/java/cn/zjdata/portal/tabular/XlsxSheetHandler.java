package cn.zjdata.portal.tabular;

import cn.zjdata.portal.common.FieldError;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one worksheet's XML as it streams past and hands its rows to a {@link CanonicalSink}: text as it
 * is; numbers as plain decimals of at most 15 significant digits (what Excel keeps), without exponent or
 * trailing zeros; numbers in a date format as ISO dates ({@code 2024-03-01}, or with a time when they
 * have one); booleans as {@code true}/{@code false}. Formula cells, error values (#N/A) and values outside
 * the header's columns are collected as problems; the header is the first row with a value.
 */
final class XlsxSheetHandler extends DefaultHandler {

    private static final MathContext EXCEL_PRECISION = new MathContext(15);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private enum Capture { NONE, VALUE, FORMULA }

    private final SharedStrings strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final UploadReader.Limits limits;
    private final CanonicalSink sink;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();

    private boolean inSheetData;
    private long rowNumber;
    private final List<String> cells = new ArrayList<>();
    private int nextColumn;
    private int column;
    private String type;
    private int style;
    private boolean formula;
    private boolean inInlineString;
    private boolean inPhonetic;
    private Capture capture = Capture.NONE;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder formulaText = new StringBuilder();

    XlsxSheetHandler(SharedStrings strings, StylesTable styles, boolean date1904, UploadReader.Limits limits, CanonicalSink sink) {
        this.strings = strings;
        this.styles = styles;
        this.date1904 = date1904;
        this.limits = limits;
        this.sink = sink;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        if (localName.equals("sheetData")) {
            inSheetData = true;
        }
        if (!inSheetData) {
            return;
        }
        switch (localName) {
            case "row" -> {
                String r = attributes.getValue("r");
                rowNumber = r == null ? rowNumber + 1 : Long.parseLong(r);
                cells.clear();
                nextColumn = 0;
            }
            case "c" -> {
                String r = attributes.getValue("r");
                column = r == null ? nextColumn : columnIndex(r);
                nextColumn = column + 1;
                type = attributes.getValue("t");
                String s = attributes.getValue("s");
                style = s == null ? 0 : Integer.parseInt(s);
                formula = false;
                text.setLength(0);
                formulaText.setLength(0);
            }
            case "f" -> {
                formula = true;
                capture = Capture.FORMULA;
            }
            case "v" -> capture = Capture.VALUE;
            case "is" -> inInlineString = true;
            case "rPh" -> inPhonetic = true;
            case "t" -> capture = inInlineString && !inPhonetic ? Capture.VALUE : Capture.NONE;
            default -> {
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (capture == Capture.VALUE) {
            if (text.length() + length > limits.maxCellChars()) {
                throw tooLong(text.toString());
            }
            text.append(ch, start, length);
        } else if (capture == Capture.FORMULA && formulaText.length() < 200) {
            formulaText.append(ch, start, Math.min(length, 200));
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if (!inSheetData) {
            return;
        }
        switch (localName) {
            case "v", "t", "f" -> capture = Capture.NONE;
            case "is" -> inInlineString = false;
            case "rPh" -> inPhonetic = false;
            case "c" -> endCell();
            case "row" -> endRow();
            case "sheetData" -> inSheetData = false;
            default -> {
            }
        }
    }

    /** The 0-based column of a cell reference such as "B3" (Excel has at most 16384 columns, "XFD"). */
    private static int columnIndex(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length() && column <= 16384; i++) {
            char c = reference.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
            } else if (c != '$') {
                break;
            }
        }
        return column - 1;
    }

    private void endCell() {
        String letter = CellReference.convertNumToColString(column);
        if (formula) {
            String shown = formulaText.isEmpty() ? null : UploadProblems.abbreviate("=" + formulaText);
            sink.problems().add(UploadProblems.Kind.FORMULA, FieldError.cell(rowNumber, letter, shown,
                    "formula cells are not accepted; paste the values"));
            return;
        }
        String value = value();
        if (value == null || value.isEmpty()) {
            return;
        }
        if (value.length() > limits.maxCellChars()) {
            throw tooLong(value);
        }
        if (column >= limits.maxColumns()) {
            throw UploadProblems.invalid("Row " + rowNumber + " has a value in column " + letter + ", beyond the limit of "
                    + limits.maxColumns() + " columns", FieldError.of("row " + rowNumber + ", column " + letter,
                    "the table has more than " + limits.maxColumns() + " columns, the limit"));
        }
        List<String> header = sink.header();
        if (header != null && column >= header.size()) {
            sink.problems().add(UploadProblems.Kind.OUTSIDE_HEADER, FieldError.cell(rowNumber, letter, UploadProblems.abbreviate(value),
                    "the cell lies outside the table: the header's last column is "
                            + CellReference.convertNumToColString(header.size() - 1)));
            return;
        }
        while (cells.size() <= column) {
            cells.add("");
        }
        cells.set(column, value);
    }

    /** The cell's text, or null for an error value (which is reported). */
    private String value() {
        String raw = text.toString();
        return switch (type == null ? "n" : type) {
            case "s" -> raw.isEmpty() ? "" : strings.getItemAt(Integer.parseInt(raw.strip())).getString();
            case "inlineStr", "str" -> raw;
            case "b" -> raw.isEmpty() ? "" : raw.strip().equals("1") ? "true" : "false";
            case "d" -> raw.endsWith("T00:00:00") || raw.endsWith("T00:00:00Z") ? raw.substring(0, raw.indexOf('T')) : raw;
            case "e" -> {
                sink.problems().add(UploadProblems.Kind.ERROR_VALUE, FieldError.cell(rowNumber, CellReference.convertNumToColString(column),
                        raw, "the cell holds the error " + raw + "; put a value in it or leave it empty"));
                yield null;
            }
            default -> raw.isBlank() ? "" : number(raw.strip());
        };
    }

    private String number(String raw) {
        double value;
        try {
            value = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            return raw;
        }
        if (isDateStyle(style) && DateUtil.isValidExcelDate(value)) {
            LocalDateTime dateTime = DateUtil.getLocalDateTime(value, date1904, true);
            if (dateTime.toLocalTime().equals(LocalTime.MIDNIGHT)) {
                return dateTime.toLocalDate().toString();
            }
            return value < 1 ? dateTime.format(TIME) : dateTime.format(DATE_TIME);
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return raw;
        }
        BigDecimal decimal = new BigDecimal(raw).round(EXCEL_PRECISION).stripTrailingZeros();
        return decimal.signum() == 0 ? "0" : decimal.toPlainString();
    }

    private boolean isDateStyle(int index) {
        if (styles == null) {
            return false;
        }
        return dateStyles.computeIfAbsent(index, i -> {
            try {
                XSSFCellStyle cellStyle = styles.getStyleAt(i);
                return cellStyle != null && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
            } catch (RuntimeException e) {
                return false; // a style index the workbook does not define: General
            }
        });
    }

    private void endRow() {
        try {
            if (!sink.hasHeader()) {
                if (!CanonicalSink.isBlank(cells)) {
                    sink.header(cells);
                }
                return;
            }
            while (cells.size() < sink.header().size()) {
                cells.add("");
            }
            sink.row(rowNumber, cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RuntimeException tooLong(String value) {
        String letter = CellReference.convertNumToColString(column);
        return UploadProblems.invalid("A cell is longer than " + limits.maxCellChars() + " characters, the most a cell may hold",
                FieldError.cell(rowNumber, letter, UploadProblems.abbreviate(value),
                        "the cell is longer than " + limits.maxCellChars() + " characters"));
    }
}
