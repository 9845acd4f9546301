package cn.zjdata.portal.tabular;

import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.tabular.UploadReader.Format;
import cn.zjdata.portal.tabular.UploadReader.Normalized;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How an upload's type is judged: content first, then name and declared type; 415 for what is not a table. */
class UploadTypeTest extends UploadReaderTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"%PDF-1.7 ...:PDF", "\u0089PNG\r\n\u001a\n:PNG", "\u007fELF\u0002\u0001\u0001:ELF",
            "\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1\u0000\u0000:.xls",
            "\r\n<!DOCTYPE html><html><table>:HTML"})
    void aFileThatIsNotATableIs415NamingWhatItLooksLike(String magicAndName) throws IOException {
        int colon = magicAndName.lastIndexOf(':');
        byte[] magic = magicAndName.substring(0, colon).getBytes(StandardCharsets.ISO_8859_1);
        ProblemException e = refused(415, upload("data.csv", bytes(magic, new byte[100])));
        assertTrue(e.getMessage().contains(magicAndName.substring(colon + 1)), e.getMessage());
    }

    @Test
    void aZipThatHoldsNoWorkbookIs415() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        }
        ProblemException e = refused(415, upload("data.xlsx", zip.toByteArray()));
        assertTrue(e.getMessage().contains("ZIP archive"), e.getMessage());
    }

    @Test
    void aTextFileNamedPdfIs415() throws IOException {
        Path upload = upload("report.pdf", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        ProblemException e = assertThrows(ProblemException.class,
                () -> UploadReader.normalize(upload, "report.pdf", "application/pdf", target()));
        assertEquals(415, e.status());
    }

    @Test
    void aCsvSentAsExcelIsStillReadAsCsv() throws IOException {
        Path upload = upload("export.xls", "a\tb\n1\t2\n".getBytes(StandardCharsets.UTF_8));
        Normalized result = UploadReader.normalize(upload, "export.xls", "application/vnd.ms-excel", target());
        assertEquals(Format.CSV, result.format());
        assertEquals("a,b\r\n1,2\r\n", output());
    }
}
