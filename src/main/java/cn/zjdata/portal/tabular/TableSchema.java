package cn.zjdata.portal.tabular;

import java.util.List;
import java.util.Optional;

/** The columns of a table, in order, and the columns that identify a row. */
public record TableSchema(List<Column> columns, List<String> primaryKey) {

    public TableSchema {
        columns = List.copyOf(columns);
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }
}
