package cn.zjdata.portal.tabular;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TableWritersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "=HYPERLINK(\"http://x\")|'=HYPERLINK(\"http://x\")",
            "+1+1|'+1+1",
            "-2+3|'-2+3",
            "@SUM(A1)|'@SUM(A1)",
            "数字经济|数字经济",
            "a=b|a=b"})
    void formulaLikeTextIsNeutralised(String cell, String expected) {
        assertEquals(expected, TableWriters.neutralise(cell));
    }
}
