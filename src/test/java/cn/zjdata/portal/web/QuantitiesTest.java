package cn.zjdata.portal.web;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Numbers as Chinese and English readers write them. */
class QuantitiesTest {

    /** Quantities without units: plain numbers and counts need no reference data. */
    private final Quantities quantities = new Quantities(null);

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    @Test
    void chineseCountsBelowTenThousandAreWrittenOut() {
        assertEquals("0", quantities.count(0, "zh"));
        assertEquals("9999", quantities.count(9999, "zh"));
        assertEquals("12.5", quantities.number(n("12.50"), "zh"));
    }

    @Test
    void chineseUsesWanFromTenThousand() {
        assertEquals("1万", quantities.count(10_000, "zh"));
        assertEquals("15万", quantities.count(150_000, "zh"));
        assertEquals("5.5万", quantities.number(n("55000"), "zh"));
        assertEquals("9999.9999万", quantities.number(n("99999999"), "zh"));
    }

    @Test
    void chineseUsesYiFromAHundredMillionAndWanYiFromATrillion() {
        assertEquals("1亿", quantities.count(100_000_000, "zh"));
        assertEquals("2.0658亿", quantities.number(n("206580000"), "zh"));
        assertEquals("2.7万亿", quantities.number(n("2700000000000"), "zh"));
        assertEquals("1.5万亿元", Quantities.chinese(n("1.5e12"), "元"));
    }

    @Test
    void chineseKeepsTheSignAndTheFigureDigits() {
        assertEquals("-2.5万", quantities.number(n("-25000"), "zh"));
        assertEquals("0.000001", quantities.number(n("0.000001"), "zh"));
        assertEquals("1.23456789亿", quantities.number(n("123456789"), "zh"));
    }

    @Test
    void englishGroupsThousandsWithCommas() {
        assertEquals("0", quantities.count(0, "en"));
        assertEquals("999", quantities.count(999, "en"));
        assertEquals("10,000", quantities.count(10_000, "en"));
        assertEquals("1,234,567", quantities.count(1_234_567, "en"));
        assertEquals("1,234,567.5", quantities.number(n("1234567.50"), "en"));
        assertEquals("-25,000", quantities.number(n("-25000"), "en"));
    }

    @Test
    void englishNamesMillionsBillionsAndTrillionsOfAUnit() {
        assertEquals("150,000 yuan", Quantities.english(n("150000"), "yuan"));
        assertEquals("2.5 million yuan", Quantities.english(n("2500000"), "yuan"));
        assertEquals("20.658 billion yuan", Quantities.english(n("20658000000"), "yuan"));
        assertEquals("2.7 trillion yuan", Quantities.english(n("2.7e12"), "yuan"));
        assertEquals("1,500 trillion", Quantities.english(n("1.5e15"), ""));
    }

    @Test
    void aFigureMovedToALargerUnitKeepsAllItsDigits() {
        assertEquals("1.23456789 million", Quantities.english(n("1234567.89"), ""));
        assertEquals("1.2345678912亿", quantities.number(n("123456789.12"), "zh"));
        assertEquals("0.333333", quantities.number(n("0.3333333333"), "zh"));
    }

    @Test
    void nothingIsWrittenForNoValue() {
        assertEquals("", quantities.number(null, "zh"));
        assertEquals("", quantities.number(null, "en"));
    }

    @Test
    void byteCountsUseBinaryUnits() {
        assertEquals("0 B", quantities.bytes(0));
        assertEquals("1023 B", quantities.bytes(1023));
        assertEquals("1.0 KB", quantities.bytes(1024));
        assertEquals("1.5 KB", quantities.bytes(1536));
        assertEquals("2.0 MB", quantities.bytes(2L * 1024 * 1024));
        assertEquals("150 MB", quantities.bytes(150L * 1024 * 1024));
    }
}
