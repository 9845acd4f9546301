package cn.zjdata.portal.tabular;

import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.ProblemException;
import org.apache.poi.ss.util.CellReference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Turns an uploaded CSV or XLSX file into the portal's canonical CSV (UTF-8 without BOM, RFC 4180,
 * comma, CRLF: {@link CsvTables#CANONICAL}), streaming, before the table is checked against its schema
 * by {@link TableValidator}. The type is judged by content first ({@link UploadType}); a CSV's encoding
 * and delimiter are sniffed ({@link CharsetSniffer}, {@link DialectSniffer}) and it is decoded strictly
 * and split by {@link CsvTokenizer}; an XLSX's first sheet is streamed by {@link XlsxRows}. Both feed
 * {@link CanonicalSink}, which checks the table's shape. Memory stays bounded by the limits, whatever
 * the file: a cell, a row's cell count and an XLSX part's size are all capped.
 *
 * <p>Bad input only ever ends in a {@link ProblemException}: 415 when the file is neither CSV nor XLSX,
 * 422 with field-level errors for what is wrong inside it. A failing disk is an {@link UncheckedIOException}.
 * On any failure the target file is deleted.
 */
public final class UploadReader {

    /** The upload formats the portal reads. */
    public enum Format { CSV, XLSX }

    /**
     * Limits that keep a hostile or mistaken upload from exhausting memory.
     *
     * @param maxColumns               the most columns a table may have
     * @param maxCellChars             the most characters one cell may hold
     * @param maxXlsxUncompressedBytes the most bytes one part of an XLSX may expand to
     */
    public record Limits(int maxColumns, int maxCellChars, long maxXlsxUncompressedBytes) {

        public Limits {
            if (maxColumns < 1 || maxCellChars < 1 || maxXlsxUncompressedBytes < 1) {
                throw new IllegalArgumentException("upload limits must be positive");
            }
        }

        /** 1000 columns, 1,000,000 characters a cell (so a 100 MB line is refused), 2 GiB a part of an XLSX. */
        public static Limits defaults() {
            return new Limits(1000, 1_000_000, 2L * 1024 * 1024 * 1024);
        }
    }

    /**
     * What the reader found and wrote.
     *
     * @param csv       the canonical CSV written (the target)
     * @param charset   the Java name of the encoding the upload was decoded from ("UTF-8" for XLSX)
     * @param hadBom    whether the CSV started with a byte order mark
     * @param delimiter the CSV's delimiter (',' for XLSX, as written)
     * @param dataRows  the rows written after the header
     * @param header    the column names, stripped
     */
    public record Normalized(Path csv, Format format, String charset, boolean hadBom, char delimiter, long dataRows,
                             List<String> header) {
        public Normalized {
            header = List.copyOf(header);
        }
    }

    private UploadReader() {
    }

    /** {@link #normalize(Path, String, String, Path, Limits)} with {@link Limits#defaults()}. */
    public static Normalized normalize(Path upload, String fileName, String contentType, Path target) {
        return normalize(upload, fileName, contentType, target, Limits.defaults());
    }

    /**
     * @param upload      the uploaded bytes on disk
     * @param fileName    the client's file name (may be null), already checked by {@link UploadFileName}
     * @param contentType the client's declared media type (may be null or application/octet-stream)
     * @param target      where to write the canonical CSV (the caller deletes it)
     * @throws ProblemException 415 when the file is neither CSV nor XLSX; 422 with field errors for content problems
     */
    public static Normalized normalize(Path upload, String fileName, String contentType, Path target, Limits limits) {
        Objects.requireNonNull(upload, "upload");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(limits, "limits");
        boolean written = false;
        try {
            if (Files.size(upload) == 0) {
                throw UploadProblems.invalid("The file is empty", FieldError.of("file", "the file is empty"));
            }
            Normalized normalized = switch (UploadType.detect(upload, fileName, contentType)) {
                case CSV -> csv(upload, target, limits);
                case XLSX -> xlsx(upload, target, limits);
            };
            written = true;
            return normalized;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!written) {
                deleteQuietly(target);
            }
        }
    }

    private static Normalized csv(Path upload, Path target, Limits limits) throws IOException {
        CharsetSniffer.Sniffed encoding = CharsetSniffer.sniff(upload);
        try (InputStream in = Files.newInputStream(upload);
             CanonicalSink sink = new CanonicalSink(target, i -> String.valueOf(i + 1))) {
            in.skipNBytes(encoding.bomLength());
            BufferedReader text = new BufferedReader(new StrictTextReader(in, encoding.bomLength(), encoding));
            char delimiter = DialectSniffer.sniff(text);
            CsvTokenizer tokenizer = new CsvTokenizer(text, delimiter, limits.maxColumns(), limits.maxCellChars());
            try {
                List<String> record;
                while ((record = tokenizer.next()) != null) {
                    if (sink.hasHeader()) {
                        sink.row(tokenizer.recordNumber(), record);
                    } else if (!CanonicalSink.isBlank(record)) {
                        sink.header(record);
                        tokenizer.columnNames(sink.header());
                    }
                }
            } catch (ProblemException fatal) {
                throw sink.problems().withEarlier(fatal);
            }
            sink.finish();
            return new Normalized(target, Format.CSV, encoding.charset().name(), encoding.hadBom(), delimiter,
                    sink.dataRows(), sink.header());
        }
    }

    private static Normalized xlsx(Path upload, Path target, Limits limits) throws IOException {
        try (CanonicalSink sink = new CanonicalSink(target, CellReference::convertNumToColString)) {
            try {
                XlsxRows.read(upload, limits, sink);
            } catch (ProblemException fatal) {
                throw sink.problems().withEarlier(fatal);
            }
            sink.finish();
            return new Normalized(target, Format.XLSX, StandardCharsets.UTF_8.name(), false, ',', sink.dataRows(),
                    sink.header());
        }
    }

    private static void deleteQuietly(Path target) {
        try {
            Files.deleteIfExists(target);
        } catch (IOException e) {
            // the caller deletes the target in any case; a failure to delete it early changes nothing
        }
    }
}
