package cn.zjdata.portal.tabular;

import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.tabular.UploadReader.Format;
import cn.zjdata.portal.tabular.UploadReader.Limits;
import cn.zjdata.portal.tabular.UploadReader.Normalized;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV uploads: encodings, delimiters and quoting, the shape of the table, and the limits. */
class UploadReaderTest extends UploadReaderTestSupport {

    private static final Charset GB18030 = Charset.forName("GB18030");

    // --- encodings ---

    @Test
    void utf8WithoutBomIsWrittenAsCanonicalCsv() throws IOException {
        Normalized result = read(upload("t.csv", "名称,数值\n机器人,7\n\"a, b\",8".getBytes(StandardCharsets.UTF_8)));
        assertEquals("名称,数值\r\n机器人,7\r\n\"a, b\",8\r\n", output());
        assertEquals(Format.CSV, result.format());
        assertEquals("UTF-8", result.charset());
        assertFalse(result.hadBom());
        assertEquals(',', result.delimiter());
        assertEquals(2, result.dataRows());
        assertEquals(List.of("名称", "数值"), result.header());
    }

    @Test
    void utf8BomIsReportedAndNotWritten() throws IOException {
        Normalized result = read(upload("t.csv", bytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "年份,值\r\n2020,1\r\n".getBytes(StandardCharsets.UTF_8))));
        assertTrue(result.hadBom());
        assertEquals("UTF-8", result.charset());
        assertEquals("年份,值\r\n2020,1\r\n", output());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
    void utf16WithBomIsNormalisedToUtf8(String charset) throws IOException {
        byte[] bom = charset.endsWith("LE") ? new byte[]{(byte) 0xFF, (byte) 0xFE} : new byte[]{(byte) 0xFE, (byte) 0xFF};
        Normalized result = read(upload("t.csv", bytes(bom, "地区\t数值\r\n杭州\t1.5\r\n".getBytes(Charset.forName(charset)))));
        assertEquals(charset, result.charset());
        assertTrue(result.hadBom());
        assertEquals('\t', result.delimiter());
        assertEquals("地区,数值\r\n杭州,1.5\r\n", output());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
    void bomlessUtf16IsRecognisedByItsZeroBytes(String charset) throws IOException {
        Normalized result = read(upload("t.csv", "地区,年份,数值\n杭州,2020,1.5\n".getBytes(Charset.forName(charset))));
        assertEquals(charset, result.charset());
        assertFalse(result.hadBom());
        assertEquals("地区,年份,数值\r\n杭州,2020,1.5\r\n", output());
    }

    @Test
    void gbkCsvIsNormalisedToUtf8() throws IOException {
        Normalized result = read(upload("t.csv", "地区,年份,数值\r\n杭州,2020,1.5\r\n".getBytes(GB18030)));
        assertEquals("GB18030", result.charset());
        assertEquals("地区,年份,数值\r\n杭州,2020,1.5\r\n", output());
    }

    @Test
    void gbkAfterALongAsciiBeginningIsStillRecognised() throws IOException {
        StringBuilder csv = new StringBuilder("code,name\n");
        for (int i = 0; csv.length() < 100_000; i++) {
            csv.append(i).append(",x").append(i).append('\n');
        }
        csv.append("99,杭州市\n");
        Normalized result = read(upload("t.csv", csv.toString().getBytes(GB18030)));
        assertEquals("GB18030", result.charset());
        assertTrue(output().endsWith("99,杭州市\r\n"));
    }

    @Test
    void latin1IsReadByIcusGuessWhenItIsNotGb18030() throws IOException {
        Normalized result = read(upload("t.csv", "name,city\nJosé,Zürich\nFrançois,Genève\n".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("ISO-8859-1", result.charset());
        assertEquals("name,city\r\nJosé,Zürich\r\nFrançois,Genève\r\n", output());
    }

    @ParameterizedTest
    @ValueSource(ints = {1002, 8002})
    void aGbkLineInAUtf8FileIsNamedWithTheEncodingAssumed(int badLine) throws IOException {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        csv.writeBytes("地区,数值\n".getBytes(StandardCharsets.UTF_8));
        for (int line = 2; line < badLine; line++) {
            csv.writeBytes(("杭州," + line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        csv.writeBytes("宁波,1\n".getBytes(GB18030)); // line 8002 lies beyond the 64 KiB sample, line 1002 inside it
        csv.writeBytes("温州,2\n".getBytes(StandardCharsets.UTF_8));
        ProblemException e = refused(422, upload("t.csv", csv.toByteArray()));
        FieldError error = e.errors().getFirst();
        assertEquals("line " + badLine, error.field());
        assertTrue(error.message().startsWith("is not valid UTF-8 (byte offset " + (csv.size() - 16) + ")"), error.message());
    }

    @Test
    void aBinaryFileNamedCsvIsNotATextTableAndTheNulIsLocated() throws IOException {
        byte[] content = "id,value\n1,2\n".getBytes(StandardCharsets.US_ASCII);
        content = Arrays.copyOf(content, 64);
        ProblemException e = refused(422, upload("data.csv", content));
        assertTrue(e.getMessage().contains("not a text table"), e.getMessage());
        assertTrue(e.getMessage().contains("byte offset 13"), e.getMessage());
    }

    @Test
    void aNulFarIntoAUtf8FileIsLocated() throws IOException {
        byte[] head = ("编号,value\n" + "1,2\n".repeat(40_000)).getBytes(StandardCharsets.UTF_8);
        ProblemException e = refused(422, upload("data.csv", bytes(head, new byte[]{'3', ',', 0, '\n'})));
        assertTrue(e.getMessage().contains("byte offset " + (head.length + 2)), e.getMessage());
    }

    @Test
    void bytesThatAreNoEncodingAreNotATextTable() throws IOException {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = noise[i] == 0 ? (byte) 0x80 : noise[i];
        }
        noise[0] = (byte) 0x80; // starts like no known format
        ProblemException e = refused(422, upload("data.csv", noise));
        assertTrue(e.getMessage().contains("not a text table"), e.getMessage());
    }

    // --- delimiters and quoting ---

    @ParameterizedTest
    @ValueSource(chars = {';', '\t', '|'})
    void theDelimiterIsDetected(char delimiter) throws IOException {
        String csv = "a,b;c;d\n1;2;3\n".replace(';', delimiter).replace(",", ", ");
        Normalized result = read(upload("t.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(delimiter, result.delimiter());
        assertEquals("\"a, b\",c,d\r\n1,2,3\r\n", output());
    }

    @Test
    void quotedDelimitersLineBreaksAndDoubledQuotesSurvive() throws IOException {
        String csv = "名称;说明\n\"a;b, c\";\"第一行\r\n第二行 \"\"引号\"\"\"\n";
        Normalized result = read(upload("t.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(';', result.delimiter());
        assertEquals("名称,说明\r\n\"a;b, c\",\"第一行\r\n第二行 \"\"引号\"\"\"\r\n", output());
    }

    @Test
    void aSingleColumnFileFallsBackToComma() throws IOException {
        Normalized result = read(upload("t.csv", "名称\n甲\n乙\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(',', result.delimiter());
        assertEquals(List.of("名称"), result.header());
        assertEquals(2, result.dataRows());
    }

    @Test
    void aQuotedCellFollowedByTextIsMalformed() throws IOException {
        ProblemException e = refused(422, upload("t.csv", "a,b\n\"x\"y,1\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("row 2, column a", e.errors().getFirst().field());
    }

    @Test
    void aQuotedCellThatNeverClosesIsNamed() throws IOException {
        ProblemException e = refused(422, upload("t.csv", "a,b\n1,\"open\n2,3\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("row 2, column b", e.errors().getFirst().field());
        assertTrue(e.errors().getFirst().message().contains("line 2"), e.errors().getFirst().message());
    }

    @Test
    void aCsvCellStartingWithEqualsIsJustText() throws IOException {
        read(upload("t.csv", "a,b\n=SUM(1;2),x\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("a,b\r\n=SUM(1;2),x\r\n", output());
    }

    // --- structure ---

    @ParameterizedTest
    @ValueSource(strings = {"", "  \r\n\t\n", "\uFEFF", "\uFEFF\n,\n"})
    void anEmptyFileIsRefused(String content) throws IOException {
        ProblemException e = refused(422, upload("t.csv", content.getBytes(StandardCharsets.UTF_8)));
        assertEquals(FieldError.of("file", "the file is empty"), e.errors().getFirst());
    }

    @Test
    void aHeaderWithoutRowsIsRefused() throws IOException {
        ProblemException e = refused(422, upload("t.csv", "a,b\n\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("the file has a header row but no data rows", e.errors().getFirst().message());
    }

    @Test
    void aBlankColumnNameIsNamedByPosition() throws IOException {
        ProblemException e = refused(422, upload("t.csv", "a, ,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(FieldError.of("header, column 2", "the column has no name"), e.errors().getFirst());
    }

    @Test
    void aDuplicateColumnNameNamesBothPositions() throws IOException {
        ProblemException e = refused(422, upload("t.csv", "年份,名称, 年份\n1,2,3\n".getBytes(StandardCharsets.UTF_8)));
        FieldError error = e.errors().getFirst();
        assertEquals("header, column 3", error.field());
        assertTrue(error.message().contains("'年份'") && error.message().contains("columns 1 and 3"), error.message());
    }

    @Test
    void headerNamesAreStrippedOfWhitespaceAndBom() throws IOException {
        byte[] csv = "\uFEFF\uFEFF 年份 ,\t名称 \n2020,x\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("年份", "名称"), read(upload("t.csv", csv)).header());
        assertEquals("年份,名称\r\n2020,x\r\n", output());
    }

    @Test
    void blankRowsAreDropped() throws IOException {
        Normalized result = read(upload("t.csv", "a,b\n1,2\n\n , \n3,4\n\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, result.dataRows());
        assertEquals("a,b\r\n1,2\r\n3,4\r\n", output());
    }

    @Test
    void raggedRowsAreListedUpToAHundredAndAllCounted() throws IOException {
        StringBuilder csv = new StringBuilder("a,b,c\n1,2,3\n");
        for (int i = 0; i < 150; i++) {
            csv.append(i % 2 == 0 ? "1,2\n" : "1,2,3,4\n");
        }
        ProblemException e = refused(422, upload("t.csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals(100, e.errors().size());
        assertEquals(FieldError.of("row 3", "has 2 cells, the header has 3"), e.errors().getFirst());
        assertEquals(FieldError.of("row 4", "has 4 cells, the header has 3"), e.errors().get(1));
        assertTrue(e.getMessage().startsWith("150 rows do not have as many cells as the header"), e.getMessage());
    }

    @Test
    void aMillionColumnHeaderIsRefusedWhileItIsParsed() throws IOException {
        Path upload = dir.resolve("wide.csv");
        try (OutputStream out = Files.newOutputStream(upload)) {
            for (int i = 0; i < 1_000_000; i++) {
                out.write(("c" + i + ",").getBytes(StandardCharsets.US_ASCII));
            }
            out.write("end\n1\n".getBytes(StandardCharsets.US_ASCII));
        }
        long before = allocatedBytes();
        ProblemException e = refused(422, upload);
        assertTrue(allocatedBytes() - before < 32L << 20, "reading allocated " + (allocatedBytes() - before) + " bytes");
        assertEquals(FieldError.of("header", "has more than 1000 cells; the limit is 1000 columns"), e.errors().getFirst());
    }

    @Test
    void aHundredMegabyteLineIsRefusedWithoutBeingBuffered() throws IOException {
        Path upload = dir.resolve("long.csv");
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) 'x');
        try (OutputStream out = Files.newOutputStream(upload)) {
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
        }
        long before = allocatedBytes();
        ProblemException e = refused(422, upload);
        long allocated = allocatedBytes() - before;
        assertTrue(allocated < 32L << 20, "reading allocated " + allocated + " bytes");
        FieldError error = e.errors().getFirst();
        assertEquals("row 1, column 1", error.field());
        assertEquals("the cell is longer than 1000000 characters", error.message());
    }

    @Test
    void aLongCellIsNamedByRowAndColumnName() throws IOException {
        Path upload = upload("t.csv", "a,名称\n1,short\n2,much too long\n".getBytes(StandardCharsets.UTF_8));
        ProblemException e = assertThrows(ProblemException.class,
                () -> UploadReader.normalize(upload, "t.csv", null, target(), new Limits(1000, 10, 1 << 20)));
        assertEquals(422, e.status());
        assertEquals(3L, e.errors().getFirst().row());
        assertEquals("名称", e.errors().getFirst().column());
        assertFalse(Files.exists(target()));
    }
}
