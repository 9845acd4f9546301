package cn.zjdata.portal.web;

import cn.zjdata.portal.publishing.Published;
import cn.zjdata.portal.reference.ReferenceService;
import cn.zjdata.portal.reference.Unit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Numbers as a reader expects them. In Chinese, large counts and amounts use 万, 亿 and 万亿 (27000 亿元 is
 * 2.7万亿元); in English, thousands separators, and million / billion / trillion for large amounts. A
 * figure is only re-expressed, never rounded beyond what its digits say.
 */
@ApplicationScoped
public class Quantities {

    /** The decimals a figure is shown with at most, in its own unit. */
    private static final int MAX_DECIMALS = 6;
    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    private static final BigDecimal YI = BigDecimal.valueOf(100_000_000);
    private static final BigDecimal WAN_YI = BigDecimal.valueOf(1_000_000_000_000L);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000);
    private static final BigDecimal TRILLION = BigDecimal.valueOf(1_000_000_000_000L);

    private final ReferenceService reference;
    private volatile Map<String, Unit> units;

    public Quantities(ReferenceService reference) {
        this.reference = reference;
    }

    void onPublished(@Observes Published event) {
        units = null; // the seed catalog may have brought new units
    }

    /** A plain number in the reader's language (no unit). */
    public String number(BigDecimal value, String lang) {
        if (value == null) {
            return "";
        }
        return Ui.EN.equals(lang) ? grouped(value) : chinese(value, "");
    }

    /** A count such as a number of datasets or rows. */
    public String count(long value, String lang) {
        return number(BigDecimal.valueOf(value), lang);
    }

    /** A value in a unit (by unit id), e.g. 27000 in 100m-yuan → "2.7万亿元" / "2.7 trillion yuan". */
    public String quantity(BigDecimal value, String unitId, String lang) {
        if (value == null) {
            return "";
        }
        Unit unit = units().get(unitId);
        if (unit == null) {
            return number(value, lang);
        }
        Unit base = units().get(unit.baseId);
        boolean scalable = base != null && isCountedInWanAndYi(base);
        if (Ui.EN.equals(lang)) {
            if (scalable) {
                return english(value.multiply(unit.factor), base.nameEn);
            }
            return withUnit(grouped(value), unit.nameEn, true);
        }
        if (scalable) {
            return chinese(value.multiply(unit.factor), base.symbol);
        }
        return withUnit(chinese(value, ""), unit.symbol, false);
    }

    /** The unit's name in the reader's language (for column headers and axis titles). */
    public String unitName(String unitId, String lang) {
        Unit unit = units().get(unitId);
        if (unit == null) {
            return unitId == null ? "" : unitId;
        }
        return Ui.EN.equals(lang) ? unit.nameEn : unit.symbol.isEmpty() ? unit.nameZh : unit.symbol;
    }

    /** A byte count: "1.2 MB". */
    public String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int i = -1;
        while (value >= 1024 && i < units.length - 1) {
            value /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : "%.1f %s", value, units[i]);
    }

    /**
     * Whether amounts in this base unit are said with 万 and 亿: a Chinese counting word (元, 台, 家…) with
     * larger units of its own in the table (万元, 亿元…). Not %, nor bps, nor 万元/人年.
     */
    private boolean isCountedInWanAndYi(Unit base) {
        return base.symbol.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                && !base.symbol.isEmpty()
                && units().values().stream().anyMatch(u -> base.id.equals(u.baseId) && u.factor.compareTo(BigDecimal.ONE) > 0);
    }

    private static String withUnit(String number, String unit, boolean space) {
        if (unit == null || unit.isBlank()) {
            return number;
        }
        return unit.equals("%") ? number + "%" : number + (space ? " " : "") + unit;
    }

    /** 27000 亿 → "2.7万亿"; 150000 → "15万"; 9800 → "9800". */
    static String chinese(BigDecimal value, String unit) {
        BigDecimal magnitude = value.abs();
        String suffix;
        BigDecimal scaled;
        if (magnitude.compareTo(WAN_YI) >= 0) {
            scaled = value.movePointLeft(12);
            suffix = "万亿";
        } else if (magnitude.compareTo(YI) >= 0) {
            scaled = value.movePointLeft(8);
            suffix = "亿";
        } else if (magnitude.compareTo(WAN) >= 0) {
            scaled = value.movePointLeft(4);
            suffix = "万";
        } else {
            scaled = value;
            suffix = "";
        }
        return plain(scaled, MAX_DECIMALS + scaled.scale() - value.scale()) + suffix + unit;
    }

    /** 2.7e12 yuan → "2.7 trillion yuan"; 150000 → "150,000". */
    static String english(BigDecimal value, String unit) {
        BigDecimal magnitude = value.abs();
        String text;
        if (magnitude.compareTo(TRILLION) >= 0) {
            text = grouped(value.movePointLeft(12), MAX_DECIMALS + 12) + " trillion";
        } else if (magnitude.compareTo(BILLION) >= 0) {
            text = grouped(value.movePointLeft(9), MAX_DECIMALS + 9) + " billion";
        } else if (magnitude.compareTo(MILLION) >= 0) {
            text = grouped(value.movePointLeft(6), MAX_DECIMALS + 6) + " million";
        } else {
            text = grouped(value);
        }
        return withUnit(text, unit, true);
    }

    /** Up to six decimals, trailing zeros dropped, no grouping: the digits the figure has. */
    static String plain(BigDecimal value) {
        return plain(value, MAX_DECIMALS);
    }

    /**
     * Up to {@code maxDecimals} decimals, trailing zeros dropped. A figure moved to 万 or 亿 (or million…) keeps
     * every digit it had: its limit grows by the places the point moved.
     */
    static String plain(BigDecimal value, int maxDecimals) {
        BigDecimal v = value.setScale(Math.min(Math.max(value.scale(), 0), maxDecimals), RoundingMode.HALF_UP).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
    }

    static String grouped(BigDecimal value) {
        return grouped(value, MAX_DECIMALS);
    }

    static String grouped(BigDecimal value, int maxDecimals) {
        BigDecimal v = new BigDecimal(plain(value, maxDecimals));
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
        format.setMaximumFractionDigits(Math.max(v.scale(), 0));
        format.setMinimumFractionDigits(Math.max(v.scale(), 0));
        return format.format(v);
    }

    private Map<String, Unit> units() {
        Map<String, Unit> known = units;
        if (known == null) {
            known = QuarkusTransaction.joiningExisting().call(() -> reference.listUnits().stream()
                    .collect(Collectors.toMap(u -> u.id, Function.identity())));
            units = known;
        }
        return known;
    }
}
