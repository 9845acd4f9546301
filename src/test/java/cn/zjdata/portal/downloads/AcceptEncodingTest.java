package cn.zjdata.portal.downloads;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AcceptEncodingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "gzip|true", "gzip, deflate, br|true", "br;q=1.0, gzip;q=0.8|true", "*|true",
            "gzip;q=0|false", "identity|false", "*;q=0|false", "br, *;q=0|false", "gzip;q=0, *|false", "''|false"})
    void gzipIsUsedOnlyWhenTheClientAcceptsIt(String header, boolean expected) {
        assertEquals(expected, AcceptEncoding.acceptsGzip(header));
    }
}
