package cn.zjdata.portal.tabular;

import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.ProblemException;
import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Decides which encoding a CSV upload is in, from a sample of its bytes, in this order: a byte order
 * mark (UTF-8, UTF-16LE, UTF-16BE); the zero bytes that BOM-less UTF-16 has in every other place; strict
 * UTF-8 (also when the sample holds at least {@value #PROVEN_UTF8} multi-byte UTF-8 characters before a
 * byte that is not UTF-8: the file mixes encodings, and strict decoding will name the line); and only then
 * ICU's statistical guess. ICU is unreliable on the short samples a small table gives,
 * so a confident answer (at least {@value #CONFIDENT} of 100) wins, then GB18030 (which also reads GBK
 * and GB2312, what Chinese systems and Excel export) if the sample is valid in it, then any other ICU
 * answer of at least {@value #MIN_CONFIDENCE}. When the first {@value #SAMPLE_BYTES} bytes are plain
 * ASCII the sample is taken where the first other byte is, so a long ASCII prefix does not hide a GBK
 * file. A NUL byte, or a sample no encoding explains, means the file is not a text table (422).
 */
final class CharsetSniffer {

    static final int SAMPLE_BYTES = 64 * 1024;
    static final int CONFIDENT = 50;
    static final int MIN_CONFIDENCE = 10;
    static final Charset GB18030 = Charset.forName("GB18030");
    /** Valid multi-byte UTF-8 characters that prove a file is UTF-8: other encodings never form so many by chance. */
    static final int PROVEN_UTF8 = 8;

    /**
     * The encoding decided on.
     *
     * @param bomLength how many bytes of byte order mark to skip
     * @param reason    why, in words that finish "the file was read as X because ..."
     */
    record Sniffed(Charset charset, int bomLength, String reason) {
        boolean hadBom() {
            return bomLength > 0;
        }
    }

    private CharsetSniffer() {
    }

    static Sniffed sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SAMPLE_BYTES);
        }
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            return new Sniffed(StandardCharsets.UTF_8, 3, "it starts with a UTF-8 byte order mark");
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            return new Sniffed(StandardCharsets.UTF_16LE, 2, "it starts with a UTF-16LE byte order mark");
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            return new Sniffed(StandardCharsets.UTF_16BE, 2, "it starts with a UTF-16BE byte order mark");
        }
        Charset utf16 = utf16ByZeroBytes(head);
        if (utf16 != null) {
            return new Sniffed(utf16, 0, "every other byte of its beginning is zero, as in " + utf16.name());
        }
        requireNoNul(head, 0);
        boolean complete = head.length < SAMPLE_BYTES;
        long sampleOffset = 0;
        byte[] sample = head;
        if (firstNonAscii(head) < 0) {
            if (complete) {
                return new Sniffed(StandardCharsets.UTF_8, 0, "its beginning is plain ASCII");
            }
            sampleOffset = firstNonAscii(file, SAMPLE_BYTES);
            if (sampleOffset < 0) {
                return new Sniffed(StandardCharsets.UTF_8, 0, "it is plain ASCII");
            }
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(sampleOffset);
                sample = in.readNBytes(SAMPLE_BYTES);
            }
            complete = sample.length < SAMPLE_BYTES;
            requireNoNul(sample, sampleOffset);
        }
        int invalid = invalidAt(StandardCharsets.UTF_8, sample, complete);
        if (invalid < 0) {
            return new Sniffed(StandardCharsets.UTF_8, 0, "its beginning is valid UTF-8");
        }
        if (multibyteCharacters(sample, invalid) >= PROVEN_UTF8) {
            // UTF-8 up to a later line in another encoding: decoding strictly will name that line
            return new Sniffed(StandardCharsets.UTF_8, 0, "its first " + invalid + " bytes are valid UTF-8");
        }
        return guess(sample, complete, sampleOffset);
    }

    private static Sniffed guess(byte[] sample, boolean complete, long sampleOffset) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(sample);
        CharsetMatch[] matches = detector.detectAll();
        Sniffed confident = best(matches, CONFIDENT, sample, complete);
        boolean gb18030 = invalidAt(GB18030, sample, complete) < 0;
        // A single-byte Western encoding decodes any bytes at all, so ICU's confidence in it means little
        // against a sample that pairs up as GB18030: on a Chinese portal the Chinese reading wins.
        if (confident != null && !(gb18030 && singleByte(confident.charset()))) {
            return confident;
        }
        if (gb18030) {
            return new Sniffed(GB18030, 0, "its beginning is not UTF-8 but is valid GB18030 (GBK)");
        }
        Sniffed weak = best(matches, MIN_CONFIDENCE, sample, complete);
        if (weak != null) {
            return weak;
        }
        long offset = sampleOffset + invalidAt(StandardCharsets.UTF_8, sample, complete);
        throw notText("its bytes are not text in UTF-8, GB18030 or any other encoding the portal recognises (byte offset "
                + offset + " is the first that is not UTF-8)");
    }

    private static Sniffed best(CharsetMatch[] matches, int minConfidence, byte[] sample, boolean complete) {
        for (CharsetMatch match : matches) {
            if (match.getConfidence() < minConfidence) {
                break; // matches come best first
            }
            Charset charset = javaCharset(match.getName());
            if (charset != null && invalidAt(charset, sample, complete) < 0) {
                return new Sniffed(charset, 0, "its beginning looks like " + charset.name() + " (ICU's detector is "
                        + match.getConfidence() + "% sure)");
            }
        }
        return null;
    }

    private static boolean singleByte(Charset charset) {
        String name = charset.name().toUpperCase(Locale.ROOT);
        return name.startsWith("ISO-8859") || name.startsWith("WINDOWS-125") || name.equals("KOI8-R");
    }

    /** Java's charset for ICU's name; null for UTF-16/32 (decided by BOM or zero bytes) and unknown names. */
    private static Charset javaCharset(String icuName) {
        String name = icuName.toUpperCase(Locale.ROOT);
        if (name.startsWith("UTF-16") || name.startsWith("UTF-32")) {
            return null;
        }
        if (name.equals("GB2312") || name.equals("GBK") || name.equals("GB18030")) {
            return GB18030;
        }
        try {
            return Charset.isSupported(icuName) ? Charset.forName(icuName) : null;
        } catch (IllegalArgumentException e) {
            return null; // a name Java does not accept
        }
    }

    /** How many characters of more than one byte the (valid UTF-8) bytes before {@code end} hold. */
    private static int multibyteCharacters(byte[] bytes, int end) {
        int count = 0;
        for (int i = 0; i < end; i++) {
            count += (bytes[i] & 0xC0) == 0xC0 ? 1 : 0; // a lead byte
        }
        return count;
    }

    /** UTF-16LE or BE when zero bytes sit in one parity of position and (almost) never in the other. */
    private static Charset utf16ByZeroBytes(byte[] head) {
        int pairs = head.length / 2;
        if (pairs < 2) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i + 1 < head.length; i += 2) {
            if (head[i] == 0 && head[i + 1] == 0) {
                return null; // a NUL character: not text in any encoding
            }
            evenZeros += head[i] == 0 ? 1 : 0;
            oddZeros += head[i + 1] == 0 ? 1 : 0;
        }
        int threshold = Math.max(1, pairs / 10);
        if (oddZeros >= threshold && evenZeros * 20 <= oddZeros) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros >= threshold && oddZeros * 20 <= evenZeros) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** The offset of the first byte that is not valid in the charset, or -1; a cut-off tail is fine unless complete. */
    static int invalidAt(Charset charset, byte[] bytes, boolean complete) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            CoderResult result = decoder.decode(in, out, complete);
            if (result.isError()) {
                return in.position();
            }
            if (result.isOverflow()) {
                out.clear();
            } else {
                return complete && in.hasRemaining() ? in.position() : -1;
            }
        }
    }

    /** The offset of the first byte from {@code from} on that is not plain ASCII, or -1. NUL is refused. */
    private static long firstNonAscii(Path file, long from) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(from);
            byte[] buffer = new byte[8192];
            long offset = from;
            int n;
            while ((n = in.read(buffer)) > 0) {
                requireNoNul(buffer, n, offset);
                int found = firstNonAscii(buffer, n);
                if (found >= 0) {
                    return offset + found;
                }
                offset += n;
            }
            return -1;
        }
    }

    private static int firstNonAscii(byte[] bytes) {
        return firstNonAscii(bytes, bytes.length);
    }

    private static int firstNonAscii(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                return i;
            }
        }
        return -1;
    }

    private static void requireNoNul(byte[] bytes, long offset) {
        requireNoNul(bytes, bytes.length, offset);
    }

    private static void requireNoNul(byte[] bytes, int length, long offset) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0) {
                throw nul(offset + i);
            }
        }
    }

    static ProblemException nul(long offset) {
        return notText("it holds a NUL byte at byte offset " + offset + ", which text never does");
    }

    private static ProblemException notText(String why) {
        return UploadProblems.invalid("The file is not a text table: " + why,
                FieldError.of("file", "not a text table: " + why + "; upload a CSV or XLSX file"));
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
