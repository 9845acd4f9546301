package cn.zjdata.portal.tabular;

import cn.zjdata.portal.common.LocalizedText;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One column of a table schema, and the rules its cells must follow.
 *
 * @param pattern   for strings: a regular expression every value must match in full (allowed values)
 * @param separator when set, a cell holds a list of values separated by it
 */
public record Column(String name, LocalizedText title, LocalizedText description, Datatype datatype, String pattern,
                     boolean required, String unit, String separator, BigDecimal minimum, BigDecimal maximum) {

    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    public Column {
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("column " + name + ": the format is not a valid regular expression");
            }
        }
    }

    /**
     * The typed value of a cell: null when empty, a list when the column has a separator,
     * otherwise a String, Long/BigInteger, BigDecimal, Boolean, Integer (year) or LocalDate.
     */
    public Object parse(String raw) throws InvalidCellException {
        String text = raw == null ? "" : raw.strip();
        if (text.indexOf('\0') >= 0) {
            throw new InvalidCellException("contains a NUL character (is this a binary file?)");
        }
        if (text.isEmpty()) {
            if (required) {
                throw new InvalidCellException("a value is required");
            }
            return null;
        }
        if (separator == null || separator.isEmpty()) {
            return parseOne(text);
        }
        List<Object> values = new ArrayList<>();
        for (String part : text.split(Pattern.quote(separator), -1)) {
            String item = part.strip();
            if (!item.isEmpty()) {
                values.add(parseOne(item));
            }
        }
        return values;
    }

    private Object parseOne(String text) throws InvalidCellException {
        Object value = switch (datatype) {
            case STRING -> text;
            case INTEGER -> {
                if (!isInteger(text)) {
                    throw new InvalidCellException("'" + text + "' is not an integer");
                }
                BigInteger big = new BigInteger(text);
                yield big.bitLength() < 64 ? (Object) big.longValue() : big;
            }
            case DECIMAL -> {
                if (!isDecimal(text)) {
                    throw new InvalidCellException("'" + text + "' is not a decimal number (digits, one '.' at most, no thousands separators)");
                }
                yield new BigDecimal(text);
            }
            case BOOLEAN -> switch (text.toLowerCase()) {
                case "true", "1" -> Boolean.TRUE;
                case "false", "0" -> Boolean.FALSE;
                default -> throw new InvalidCellException("'" + text + "' is not a boolean (true, false, 1 or 0)");
            };
            case DATE -> {
                try {
                    yield LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    throw new InvalidCellException("'" + text + "' is not a date (YYYY-MM-DD)");
                }
            }
            case YEAR -> {
                if (!isYear(text)) {
                    throw new InvalidCellException("'" + text + "' is not a year (four digits)");
                }
                yield Integer.parseInt(text);
            }
        };
        checkPatternAndRange(text, value);
        return value;
    }

    /** [+-]?digits */
    static boolean isInteger(String text) {
        int start = text.charAt(0) == '+' || text.charAt(0) == '-' ? 1 : 0;
        return start < text.length() && digits(text, start, text.length()) == text.length();
    }

    /** [+-]?(digits(.digits?)?|.digits): plain decimals, no exponent or thousands separators. */
    static boolean isDecimal(String text) {
        int start = text.charAt(0) == '+' || text.charAt(0) == '-' ? 1 : 0;
        int end = digits(text, start, text.length());
        if (end == text.length()) {
            return end > start;
        }
        if (text.charAt(end) != '.') {
            return false;
        }
        int fraction = digits(text, end + 1, text.length());
        return fraction == text.length() && (end > start || fraction > end + 1);
    }

    /** -?dddd */
    static boolean isYear(String text) {
        int start = text.charAt(0) == '-' ? 1 : 0;
        return text.length() - start == 4 && digits(text, start, text.length()) == text.length();
    }

    /** The index of the first non-digit at or after {@code from}. */
    private static int digits(String text, int from, int to) {
        int i = from;
        while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private void checkPatternAndRange(String text, Object value) throws InvalidCellException {
        if (pattern != null && datatype == Datatype.STRING
                && !COMPILED.computeIfAbsent(pattern, Pattern::compile).matcher(text).matches()) {
            throw new InvalidCellException("'" + text + "' is not an allowed value (must match " + pattern + ")");
        }
        if ((minimum != null || maximum != null) && datatype.isNumeric()) {
            BigDecimal number = new BigDecimal(value.toString());
            if (minimum != null && number.compareTo(minimum) < 0) {
                throw new InvalidCellException(text + " is below the minimum " + minimum.toPlainString());
            }
            if (maximum != null && number.compareTo(maximum) > 0) {
                throw new InvalidCellException(text + " is above the maximum " + maximum.toPlainString());
            }
        }
    }
}
