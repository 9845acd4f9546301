package cn.zjdata.portal.tabular;

import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.tabular.UploadReader.Format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Decides whether an upload is CSV or XLSX, by its content first: an XLSX is a ZIP archive holding
 * {@code xl/workbook.xml}; a file that starts like a known non-table format (PDF, image, executable,
 * legacy Office, another kind of ZIP, HTML) is refused with a 415 naming what it looks like. A file
 * that starts like none of them is text, read as CSV, unless its name or declared media type positively
 * says it is something else. Browsers' declared types are unreliable (Excel users' CSVs arrive as
 * {@code application/vnd.ms-excel}), so they only ever refuse, never choose.
 */
final class UploadType {

    private static final int HEAD_BYTES = 512;

    /** Extensions that name neither a table nor text that could be one. */
    private static final Set<String> OTHER_EXTENSIONS = Set.of("pdf", "doc", "docx", "ppt", "pptx", "odt", "ods", "odp",
            "png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "webp", "zip", "rar", "7z", "gz", "tgz", "exe", "dll",
            "json", "xml", "html", "htm", "xlsb", "xlsm");

    /** Declared media types (or prefixes) that name neither a table nor text that could be one. */
    private static final Set<String> OTHER_TYPE_PREFIXES = Set.of("image/", "audio/", "video/", "application/pdf",
            "application/zip", "application/x-zip", "application/msword", "application/json", "application/xml",
            "text/html", "text/xml", "application/vnd.openxmlformats-officedocument.wordprocessingml",
            "application/vnd.openxmlformats-officedocument.presentationml", "application/vnd.oasis.opendocument");

    private UploadType() {
    }

    static Format detect(Path upload, String fileName, String contentType) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(upload)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        if (startsWith(head, 'P', 'K', 3, 4)) {
            return zip(upload);
        }
        String looksLike = looksLike(head);
        if (looksLike != null) {
            throw UploadProblems.unsupported("The file looks like " + looksLike + ", not a CSV or XLSX table");
        }
        String extension = extension(fileName);
        if (extension != null && OTHER_EXTENSIONS.contains(extension)) {
            throw UploadProblems.unsupported("The file is named as a ." + extension
                    + " file, which is not a CSV or XLSX table");
        }
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (OTHER_TYPE_PREFIXES.stream().anyMatch(type::startsWith)) {
            throw UploadProblems.unsupported("The file was sent as " + type + ", which is not a CSV or XLSX table");
        }
        return Format.CSV;
    }

    /** A ZIP archive is an XLSX only if it holds a workbook. */
    private static Format zip(Path upload) {
        try (ZipFile zip = new ZipFile(upload.toFile())) {
            if (zip.getEntry("xl/workbook.xml") != null) {
                return Format.XLSX;
            }
            String what = zip.getEntry("xl/workbook.bin") != null ? "an Excel binary workbook (.xlsb)"
                    : zip.getEntry("word/document.xml") != null ? "a Word document (.docx)"
                    : zip.getEntry("ppt/presentation.xml") != null ? "a PowerPoint presentation (.pptx)"
                    : zip.getEntry("mimetype") != null && zip.getEntry("content.xml") != null ? "an OpenDocument file (.ods, .odt)"
                    : "a ZIP archive that holds no Excel workbook";
            throw UploadProblems.unsupported("The file looks like " + what + ", not a CSV or XLSX table; "
                    + "save the table as .xlsx or as CSV");
        } catch (ZipException e) {
            throw UploadProblems.invalid("The file starts like an XLSX workbook (a ZIP archive) but its contents cannot be "
                    + "read; it may be damaged or cut short: open it in Excel and save it again",
                    FieldError.of("file", "the ZIP structure of the workbook cannot be read"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a file that is not text looks like, by its first bytes; null when it may be text. */
    private static String looksLike(byte[] head) {
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return "a legacy Excel 97-2003 workbook (.xls), another Office 97-2003 document, or a password-protected "
                    + "workbook; save it as .xlsx (without a password) or as CSV";
        }
        if (startsWith(head, 'P', 'K', 5, 6)) {
            return "an empty ZIP archive";
        }
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            return "a PDF document";
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G')) {
            return "a PNG image";
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return "a JPEG image";
        }
        if (startsWith(head, 'G', 'I', 'F', '8')) {
            return "a GIF image";
        }
        if (startsWith(head, 0x7F, 'E', 'L', 'F')) {
            return "an executable program (ELF)";
        }
        if (startsWith(head, 0x1F, 0x8B)) {
            return "a gzip-compressed file";
        }
        if (startsWith(head, 'R', 'a', 'r', '!')) {
            return "a RAR archive";
        }
        if (startsWith(head, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return "a 7-Zip archive";
        }
        if (startsWith(head, '{', '\\', 'r', 't', 'f')) {
            return "an RTF document";
        }
        String text = new String(head, StandardCharsets.ISO_8859_1).replace("\u00EF\u00BB\u00BF", "")
                .stripLeading().toLowerCase(Locale.ROOT);
        if (text.startsWith("<!doctype html") || text.startsWith("<html")) {
            return "an HTML page (some systems export these with an .xls name)";
        }
        if (text.startsWith("<?xml")) {
            return "an XML document (perhaps an Excel 2003 XML spreadsheet)";
        }
        return null;
    }

    private static String extension(String fileName) {
        if (fileName == null) {
            return null;
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? null : fileName.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
