package cn.zjdata.portal.tabular;

import cn.zjdata.portal.common.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadFileNameTest {

    @Test
    void aPlainNameIsReturnedWithoutSurroundingWhitespace() {
        assertEquals("2023年 机器人密度.csv", UploadFileName.check("  2023年 机器人密度.csv\t"));
        assertEquals("v1..2.xlsx", UploadFileName.check("v1..2.xlsx"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void aMissingOrBlankNameIsRefused(String name) {
        assertTrue(refusal(name).contains("empty"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc/passwd", "data/robots.csv", "C:\\Users\\me\\robots.csv", "\\\\server\\share.csv"})
    void aPathIsRefused(String name) {
        assertTrue(refusal(name).contains("path separator"));
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", " .. "})
    void dotAndDotDotAreRefused(String name) {
        assertTrue(refusal(name).contains("is not a file name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b.csv", "a\nb.csv", "robots\r.csv", "a\u007fb.csv", "report\u202Egpj.exe", "x\u2066y.csv"})
    void controlCharactersAreRefused(String name) {
        assertTrue(refusal(name).contains("control character U+"));
    }

    @Test
    void namesLongerThan255CharactersAreRefused() {
        String longest = "统".repeat(251) + ".csv";
        assertEquals(longest, UploadFileName.check(longest));
        assertTrue(refusal("统" + longest).contains("longer than 255"));
    }

    private static String refusal(String name) {
        ProblemException e = assertThrows(ProblemException.class, () -> UploadFileName.check(name));
        assertEquals(422, e.status());
        assertEquals("fileName", e.errors().getFirst().field());
        return e.errors().getFirst().message();
    }
}
