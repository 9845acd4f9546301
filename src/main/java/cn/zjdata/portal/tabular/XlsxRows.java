package cn.zjdata.portal.tabular;

import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.ProblemException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Reads the first sheet of an XLSX workbook with POI's streaming API (XSSFReader and a SAX handler,
 * never the whole workbook in memory; the shared strings table is the one part held in memory, as POI's
 * {@link ReadOnlySharedStringsTable} does). POI's {@link ZipSecureFile} refuses entries that inflate more
 * than {@value #MAX_INFLATION}-fold or past the limit on uncompressed bytes: a zip bomb is a 422.
 */
final class XlsxRows {

    /** How far an entry may inflate: POI's default ratio of 0.01. */
    static final int MAX_INFLATION = 100;

    /** POI accepts no larger maximum entry size. */
    private static final long ZIP_ENTRY_CEILING = 0xFFFFFFFFL;

    private XlsxRows() {
    }

    static void read(Path upload, UploadReader.Limits limits, CanonicalSink sink) {
        guardAgainstZipBombs(limits.maxXlsxUncompressedBytes());
        OPCPackage workbook = null;
        try {
            workbook = OPCPackage.open(upload.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(workbook);
            SharedStrings strings = new ReadOnlySharedStringsTable(workbook, false);
            StylesTable styles = reader.getStylesTable();
            boolean date1904 = date1904(reader);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw UploadProblems.invalid("The workbook has no sheet", FieldError.of("file", "the workbook has no sheet"));
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XlsxSheetHandler(strings, styles, date1904, limits, sink));
                xml.parse(new InputSource(sheet));
            }
        } catch (ProblemException | UncheckedIOException e) {
            throw e;
        } catch (Exception e) {
            throw unreadable(e, limits);
        } finally {
            if (workbook != null) {
                workbook.revert(); // closes a package opened read-only without trying to save it
            }
        }
    }

    private static synchronized void guardAgainstZipBombs(long maxUncompressedBytes) {
        ZipSecureFile.setMinInflateRatio(1.0 / MAX_INFLATION);
        ZipSecureFile.setMaxEntrySize(Math.min(maxUncompressedBytes, ZIP_ENTRY_CEILING));
    }

    /** Whether the workbook counts dates from 1904 (old Mac Excel) instead of 1900. */
    private static boolean date1904(XSSFReader reader) throws Exception {
        boolean[] found = {false};
        try (InputStream data = reader.getWorkbookData()) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if (localName.equals("workbookPr")) {
                        String value = attributes.getValue("date1904");
                        found[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
                    }
                }
            });
            xml.parse(new InputSource(data));
        }
        return found[0];
    }

    /** The problem behind a failure to read the workbook: one of ours, a zip bomb, or a damaged file. */
    private static RuntimeException unreadable(Exception failure, UploadReader.Limits limits) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem;
            }
            if (cause instanceof UncheckedIOException io) {
                return io;
            }
            if (cause.getMessage() != null && cause.getMessage().contains("Zip bomb detected")) {
                return UploadProblems.invalid("The spreadsheet expands far more than its size (a zip bomb?)",
                        FieldError.of("file", "the spreadsheet expands far more than its size (a zip bomb?): each part of an "
                                + "XLSX may expand at most " + MAX_INFLATION + "-fold when unpacked, and to at most "
                                + limits.maxXlsxUncompressedBytes() + " bytes"));
            }
        }
        return UploadProblems.invalid("The XLSX workbook cannot be read; it may be damaged: open it in Excel and save it again",
                FieldError.of("file", "the workbook cannot be read (it may be damaged or not a real XLSX file)"));
    }
}
