package cn.zjdata.portal.tabular;

import java.util.Arrays;
import java.util.Optional;

/** The cell datatypes a table schema may declare, named as in CSVW. */
public enum Datatype {
    STRING("string"),
    INTEGER("integer"),
    DECIMAL("decimal"),
    BOOLEAN("boolean"),
    DATE("date"),
    YEAR("gYear");

    /** The CSVW / XML Schema name. */
    public final String csvw;

    Datatype(String csvw) {
        this.csvw = csvw;
    }

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL || this == YEAR;
    }

    public static Optional<Datatype> fromCsvw(String name) {
        return Arrays.stream(values()).filter(d -> d.csvw.equalsIgnoreCase(name)).findFirst();
    }
}
