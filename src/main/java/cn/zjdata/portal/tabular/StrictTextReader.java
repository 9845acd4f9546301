package cn.zjdata.portal.tabular;

import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes an upload strictly in the charset {@link CharsetSniffer} chose. The sniffer saw only the
 * beginning; a byte sequence further on that the charset does not allow means the file mixes encodings,
 * and a NUL means it is not text: both end reading with a 422 naming the line and the byte offset.
 * Counts lines itself (LF, CRLF or CR), since it alone knows which bytes became which characters.
 */
final class StrictTextReader extends Reader {

    private final InputStream in;
    private final CharsetSniffer.Sniffed encoding;
    private final CharsetDecoder decoder;
    private final boolean utf16;
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
    private final CharBuffer chars = CharBuffer.allocate(16 * 1024).flip();
    /** The file offset of the next byte to decode. */
    private long offset;
    private long line = 1;
    private boolean afterCr;
    private boolean eof;
    private boolean flushed;

    /**
     * @param in     the upload, positioned after its byte order mark
     * @param offset the file offset {@code in} starts at (the BOM's length)
     */
    StrictTextReader(InputStream in, long offset, CharsetSniffer.Sniffed encoding) {
        this.in = in;
        this.offset = offset;
        this.encoding = encoding;
        this.decoder = encoding.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.utf16 = encoding.charset().equals(StandardCharsets.UTF_16LE) || encoding.charset().equals(StandardCharsets.UTF_16BE);
    }

    @Override
    public int read(char[] target, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!decodeMore()) {
                return -1;
            }
        }
        int n = Math.min(len, chars.remaining());
        chars.get(target, off, n);
        return n;
    }

    /** Decodes at least one more character into {@code chars}; false at the end of the input. */
    private boolean decodeMore() throws IOException {
        if (flushed) {
            return false;
        }
        chars.clear();
        try {
            while (chars.position() == 0) {
                int charsBefore = chars.position();
                int bytesBefore = bytes.position();
                CoderResult result = decoder.decode(bytes, chars, eof);
                long batchOffset = offset;
                offset += bytes.position() - bytesBefore;
                account(charsBefore, batchOffset);
                if (result.isError()) {
                    throw mixed(offset);
                }
                if (result.isOverflow()) {
                    break;
                }
                if (eof) {
                    decoder.flush(chars);
                    flushed = true;
                    return chars.position() > 0;
                }
                readBytes();
            }
            return true;
        } finally {
            chars.flip();
        }
    }

    private void readBytes() throws IOException {
        bytes.compact();
        int start = bytes.position();
        int n = in.read(bytes.array(), start, bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            if (!utf16) {
                for (int i = start; i < start + n; i++) {
                    if (bytes.get(i) == 0) {
                        throw CharsetSniffer.nul(offset + i);
                    }
                }
            }
            bytes.position(start + n);
        }
        bytes.flip();
    }

    /** Counts the line ends among the characters just decoded; refuses a NUL in UTF-16. */
    private void account(int from, long batchOffset) {
        for (int i = from; i < chars.position(); i++) {
            char c = chars.get(i);
            if (c == '\n') {
                line += afterCr ? 0 : 1;
                afterCr = false;
            } else if (c == '\r') {
                line++;
                afterCr = true;
            } else {
                afterCr = false;
                if (c == 0) {
                    throw CharsetSniffer.nul(batchOffset + 2L * (i - from));
                }
            }
        }
    }

    private ProblemException mixed(long at) {
        String name = encoding.charset().name();
        String message = "is not valid " + name + " (byte offset " + at + "); the file was read as " + name + " because "
                + encoding.reason() + ", so it seems to mix encodings: save the whole file in one encoding, preferably UTF-8";
        return UploadProblems.invalid("Line " + line + " is not valid " + name + ": the file seems to mix text encodings",
                FieldError.of("line " + line, message));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
