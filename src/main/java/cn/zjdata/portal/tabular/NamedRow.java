package cn.zjdata.portal.tabular;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A typed row of a stored table, read by column name. Absent columns read as null. */
public final class NamedRow {

    private final Map<String, Integer> positions;
    private final List<Object> values;
    private final long number;

    NamedRow(Map<String, Integer> positions, List<Object> values, long number) {
        this.positions = positions;
        this.values = values;
        this.number = number;
    }

    /** The row as a spreadsheet numbers it (the header is row 1). */
    public long number() {
        return number;
    }

    public Object value(String column) {
        Integer i = positions.get(column);
        return i == null ? null : values.get(i);
    }

    /** A text cell; a list cell joined with "; ". */
    public String text(String column) {
        Object v = value(column);
        if (v instanceof List<?> list) {
            return list.isEmpty() ? null : String.join("; ", list.stream().map(Object::toString).toList());
        }
        return v == null ? null : v.toString();
    }

    /** The values of a list cell (a one-element list for a plain cell, empty for an empty one). */
    public List<String> texts(String column) {
        Object v = value(column);
        if (v instanceof List<?> list) {
            return list.stream().map(Object::toString).toList();
        }
        return v == null ? List.of() : List.of(v.toString());
    }

    public BigDecimal decimal(String column) {
        Object v = value(column);
        return v == null ? null : v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
    }

    public Integer integer(String column) {
        Object v = value(column);
        return v == null ? null : Integer.valueOf(v.toString());
    }
}
