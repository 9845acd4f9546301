package cn.zjdata.portal.indicators;

import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.tabular.NamedRow;
import cn.zjdata.portal.tabular.TableSchema;
import cn.zjdata.portal.tabular.TableValidator;

import cn.zjdata.portal.tabular.Column;
import cn.zjdata.portal.tabular.Datatype;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects the rule violations a profile processor finds in a table, and refuses the publish if any. */
final class ProfileErrors {

    private final String profile;
    private final List<FieldError> listed = new ArrayList<>();
    private long count;

    ProfileErrors(String profile) {
        this.profile = profile;
    }

    /** Refuses a table that lacks a column its profile needs, or declares it with another datatype. */
    static void requireColumns(String profile, TableSchema schema, Map<String, Set<Datatype>> required) {
        List<FieldError> problems = new ArrayList<>();
        required.forEach((name, datatypes) -> {
            Column column = schema.column(name).orElse(null);
            if (column == null) {
                problems.add(FieldError.of("schema", "the " + profile + " profile needs a column '" + name + "'"));
            } else if (!datatypes.contains(column.datatype())) {
                problems.add(FieldError.of("schema", "the " + profile + " profile needs the column '" + name + "' to be "
                        + datatypes.stream().map(d -> d.csvw).sorted().toList() + ", not " + column.datatype().csvw));
            }
        });
        if (!problems.isEmpty()) {
            throw ProblemException.invalid("The table does not follow the " + profile + " profile", problems);
        }
    }

    /** Reports each of the given cells that is empty; true when all are filled. */
    boolean requireCells(NamedRow row, List<String> columns) {
        boolean filled = true;
        for (String column : columns) {
            if (row.value(column) == null) {
                cell(row, column, "the " + profile + " profile needs a value here");
                filled = false;
            }
        }
        return filled;
    }

    void cell(NamedRow row, String column, String message) {
        count++;
        if (listed.size() < TableValidator.MAX_LISTED_ERRORS) {
            listed.add(FieldError.cell(row.number(), column, row.text(column), message));
        }
    }

    void general(String field, String message) {
        count++;
        if (listed.size() < TableValidator.MAX_LISTED_ERRORS) {
            listed.add(FieldError.of(field, message));
        }
    }

    void throwIfAny() {
        if (count > 0) {
            throw new ProblemException(422, "/problems/invalid-table", "The table breaks the " + profile + " profile's rules",
                    count + " problem(s)" + (listed.size() < count ? "; the first " + listed.size() + " are listed" : ""),
                    listed);
        }
    }
}
