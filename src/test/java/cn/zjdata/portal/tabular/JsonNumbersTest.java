package cn.zjdata.portal.tabular;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonNumbersTest {

    @ParameterizedTest
    @CsvSource({"0,true", "-0.5,true", "1.50,true", "20658,true", "+5,false", ".5,false", "5.,false", "007,false", "-.5,false", "00.1,false"})
    void onlyCellsThatAreAlreadyJsonNumbersAreCopiedAsIs(String cell, boolean json) {
        assertEquals(json, JsonNumbers.isJsonNumber(cell));
    }
}
