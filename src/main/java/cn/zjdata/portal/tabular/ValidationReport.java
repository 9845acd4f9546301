package cn.zjdata.portal.tabular;

import cn.zjdata.portal.common.FieldError;

import java.util.List;

/** What checking a table against its schema found: how many rows, how many errors, and the first of them. */
public record ValidationReport(long rowCount, long errorCount, List<FieldError> errors) {

    public boolean valid() {
        return errorCount == 0;
    }

    public String summary() {
        return valid()
                ? rowCount + " rows match the schema"
                : errorCount + " problem" + (errorCount == 1 ? "" : "s") + " in " + rowCount + " rows"
                  + (errors.size() < errorCount ? "; the first " + errors.size() + " are listed" : "");
    }
}
