package cn.zjdata.portal.indicators;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a printed figure relates to its value: exactly (=), at least (≥, 以上), more than (>, 超过/突破/余),
 * at most (≤), less than (<), about (≈, 左右/近/约).
 */
public enum ValueComparator {
    EQUAL("="), AT_LEAST("≥"), MORE_THAN(">"), AT_MOST("≤"), LESS_THAN("<"), ABOUT("≈");

    public final String symbol;

    ValueComparator(String symbol) {
        this.symbol = symbol;
    }

    public static Optional<ValueComparator> of(String symbol) {
        return Arrays.stream(values()).filter(c -> c.symbol.equals(symbol)).findFirst();
    }
}
