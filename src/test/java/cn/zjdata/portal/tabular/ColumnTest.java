package cn.zjdata.portal.tabular;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColumnTest {

    private static Column column(Datatype type, boolean required) {
        return new Column("c", null, null, type, null, required, null, null, null, null);
    }

    @Test
    void cellsAreTypedByTheirColumn() throws InvalidCellException {
        assertEquals(42L, column(Datatype.INTEGER, false).parse(" 42 "));
        assertEquals(0, new BigDecimal("1.81").compareTo((BigDecimal) column(Datatype.DECIMAL, false).parse("1.81")));
        assertEquals(Boolean.TRUE, column(Datatype.BOOLEAN, false).parse("1"));
        assertEquals(2022, column(Datatype.YEAR, false).parse("2022"));
        assertEquals(LocalDate.of(2018, 9, 14), column(Datatype.DATE, false).parse("2018-09-14"));
        assertEquals("浙江", column(Datatype.STRING, false).parse("浙江"));
    }

    @Test
    void anEmptyCellIsNullUnlessRequired() throws InvalidCellException {
        assertNull(column(Datatype.INTEGER, false).parse(""));
        InvalidCellException e = assertThrows(InvalidCellException.class, () -> column(Datatype.INTEGER, true).parse(" "));
        assertTrue(e.getMessage().contains("required"));
    }

    @Test
    void aBadCellSaysWhatIsWrongWithTheValue() {
        InvalidCellException e = assertThrows(InvalidCellException.class, () -> column(Datatype.INTEGER, false).parse("二〇二〇"));
        assertEquals("'二〇二〇' is not an integer", e.getMessage());
        assertThrows(InvalidCellException.class, () -> column(Datatype.DECIMAL, false).parse("1,000"));
        assertThrows(InvalidCellException.class, () -> column(Datatype.DECIMAL, false).parse("1e5"));
        for (String notADecimal : List.of(".", "+", "-", "1.2.3", "--1", "1-", "١٢")) {
            assertThrows(InvalidCellException.class, () -> column(Datatype.DECIMAL, false).parse(notADecimal), notADecimal);
        }
        for (String decimal : List.of("5.", ".5", "+5", "-0.25", "007")) {
            assertEquals(0, new BigDecimal(decimal).compareTo((BigDecimal) assertDoesNotThrow(() -> column(Datatype.DECIMAL, false).parse(decimal))));
        }
        assertThrows(InvalidCellException.class, () -> column(Datatype.INTEGER, false).parse("+"));
        assertThrows(InvalidCellException.class, () -> column(Datatype.YEAR, false).parse("20"));
        assertThrows(InvalidCellException.class, () -> column(Datatype.DATE, false).parse("2018-02-30"));
        assertThrows(InvalidCellException.class, () -> column(Datatype.BOOLEAN, false).parse("yes"));
    }

    @Test
    void allowedValuesAndRangesAreEnforced() {
        Column kind = new Column("kind", null, null, Datatype.STRING, "baseline|target|actual", true, null, null, null, null);
        assertThrows(InvalidCellException.class, () -> kind.parse("forecast"));
        Column share = new Column("share", null, null, Datatype.DECIMAL, null, true, null, null, BigDecimal.ZERO, BigDecimal.valueOf(100));
        assertThrows(InvalidCellException.class, () -> share.parse("100.5"));
        assertThrows(InvalidCellException.class, () -> share.parse("-1"));
    }

    @Test
    void aListCellIsSplitOnItsSeparatorAndEachItemTyped() throws InvalidCellException {
        Column years = new Column("years", null, null, Datatype.YEAR, null, false, null, ";", null, null);
        assertEquals(List.of(2020, 2022), years.parse("2020; 2022"));
        assertThrows(InvalidCellException.class, () -> years.parse("2020;twenty"));
    }
}
