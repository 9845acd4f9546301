package cn.zjdata.portal.tabular;

import cn.zjdata.portal.common.FieldError;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a CSV table against its schema in one streaming pass and, while doing so, writes the table in
 * the portal's canonical form (columns in schema order, cells stripped, RFC 4180). The caller discards
 * the output when the report is not valid.
 */
public final class TableValidator {

    /** How many errors a report lists; all of them are counted. */
    public static final int MAX_LISTED_ERRORS = 100;

    private TableValidator() {
    }

    public static ValidationReport copyValidated(Reader input, TableSchema schema, Writer canonical) throws IOException {
        Errors errors = new Errors();
        long rows = 0;
        try (CSVParser parser = CsvTables.READ.parse(input)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                errors.add(FieldError.of("file", "the file is empty: it needs a header row naming the columns "
                        + String.join(", ", schema.names())));
                return errors.report(0);
            }
            int[] positions = checkHeader(records.next(), schema, errors);
            if (positions == null) {
                return errors.report(0);
            }
            int[] keyPositions = schema.primaryKey().stream()
                    .mapToInt(name -> positions[schema.names().indexOf(name)]).toArray();
            KeySet keys = keyPositions.length == 0 ? null : new KeySet();
            CSVPrinter printer = new CSVPrinter(canonical, CsvTables.CANONICAL);
            printer.printRecord(schema.names());
            List<Column> columns = schema.columns();
            List<String> cells = new ArrayList<>(columns.size());
            long rowNumber = 1;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                rowNumber++;
                if (record.size() == 1 && record.get(0).isEmpty() && positions.length > 1) {
                    continue; // a blank line (in a one-column table it is a row with an empty cell)
                }
                rows++;
                if (record.size() != positions.length) {
                    errors.add(FieldError.of("row " + rowNumber, "has " + record.size() + " cells, the header has "
                            + positions.length));
                    continue;
                }
                if (keys != null) {
                    long earlier = keys.add(record, keyPositions, rowNumber);
                    if (earlier != 0) {
                        errors.add(FieldError.of("row " + rowNumber, "repeats the key (" + String.join(", ", schema.primaryKey())
                                + ") of row " + earlier + ": each row's key must be unique"));
                    }
                }
                cells.clear();
                for (int i = 0; i < columns.size(); i++) {
                    Column column = columns.get(i);
                    String raw = record.get(positions[i]);
                    try {
                        column.parse(raw);
                    } catch (InvalidCellException e) {
                        errors.add(FieldError.cell(rowNumber, column.name(), abbreviate(raw), e.getMessage()));
                    }
                    cells.add(raw.strip());
                }
                if (errors.count == 0) {
                    printer.printRecord(cells);
                }
            }
            printer.flush();
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof CSVException malformed)) {
                throw e.getCause();
            }
            errors.add(FieldError.of("file", "the CSV is malformed (" + malformed.getMessage()
                    + "); a quoted cell must end with a quote, and quotes inside it are doubled (\"\")"));
        }
        if (rows == 0 && errors.count == 0) {
            errors.add(FieldError.of("file", "the file has a header but no rows"));
        }
        return errors.report(rows);
    }

    /** Maps each schema column to its position in the file, or reports what is wrong with the header. */
    private static int[] checkHeader(CSVRecord header, TableSchema schema, Errors errors) {
        Map<String, Integer> found = new HashMap<>();
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (name.isEmpty()) {
                errors.add(FieldError.of("header, column " + (i + 1), "the column has no name"));
            } else if (found.putIfAbsent(name, i) != null && reported.add(name)) {
                errors.add(FieldError.of("header, column " + (i + 1), "the column name '" + name + "' appears more than once"));
            } else if (schema.column(name).isEmpty()) {
                errors.add(FieldError.of("header, column " + (i + 1), "'" + abbreviate(name) + "' is not a column of the schema ("
                        + String.join(", ", schema.names()) + ")"));
            }
        }
        for (Column column : schema.columns()) {
            if (!found.containsKey(column.name())) {
                errors.add(FieldError.of("header", "the column '" + column.name() + "' is missing"));
            }
        }
        if (errors.count > 0) {
            return null;
        }
        int[] positions = new int[schema.columns().size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = found.get(schema.columns().get(i).name());
        }
        return positions;
    }

    private static String abbreviate(String value) {
        return value.length() <= 200 ? value : value.substring(0, 200) + "…";
    }

    private static final class Errors {
        final List<FieldError> listed = new ArrayList<>();
        long count;

        void add(FieldError error) {
            count++;
            if (listed.size() < MAX_LISTED_ERRORS) {
                listed.add(error);
            }
        }

        ValidationReport report(long rows) {
            return new ValidationReport(rows, count, List.copyOf(listed));
        }
    }
}
