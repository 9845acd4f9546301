package cn.zjdata.portal.seed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the numbers out of a figure as printed in a Chinese document: Arabic numerals ("2.33万亿元",
 * "5—8家"), Chinese numerals ("第三", "十大") and doubling ("翻一番" = 2, "翻两番" = 4).
 * Written for the data test, independently of the portal's code.
 */
final class PrintedNumber {

    private static final Pattern ARABIC = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern DOUBLING = Pattern.compile("翻([一二两三]?)番");
    private static final Map<Character, Integer> DIGITS = Map.of('一', 1, '二', 2, '两', 2, '三', 3, '四', 4,
            '五', 5, '六', 6, '七', 7, '八', 8, '九', 9);

    private PrintedNumber() {
    }

    /** Every number in the text, in order. */
    static List<BigDecimal> numbers(String printed) {
        List<BigDecimal> numbers = new ArrayList<>();
        Matcher doubling = DOUBLING.matcher(printed);
        if (doubling.find()) {
            int times = doubling.group(1).isEmpty() ? 1 : DIGITS.get(doubling.group(1).charAt(0));
            numbers.add(BigDecimal.valueOf(1L << times));
            return numbers;
        }
        Matcher arabic = ARABIC.matcher(printed);
        while (arabic.find()) {
            numbers.add(new BigDecimal(arabic.group()));
        }
        if (numbers.isEmpty()) {
            Integer chinese = chinese(printed);
            if (chinese != null) {
                numbers.add(BigDecimal.valueOf(chinese));
            }
        }
        return numbers;
    }

    /** A Chinese numeral up to 99 ("三", "十", "十一", "二十五"), or null. */
    private static Integer chinese(String text) {
        int value = 0;
        int pending = 0;
        boolean seen = false;
        for (char c : text.toCharArray()) {
            if (DIGITS.containsKey(c)) {
                pending = DIGITS.get(c);
                seen = true;
            } else if (c == '十') {
                value += (pending == 0 ? 1 : pending) * 10;
                pending = 0;
                seen = true;
            }
        }
        return seen ? value + pending : null;
    }
}
