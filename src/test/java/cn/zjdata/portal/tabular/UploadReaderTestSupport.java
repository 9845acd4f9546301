package cn.zjdata.portal.tabular;

import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.tabular.UploadReader.Normalized;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What the upload tests share: a fresh directory for the upload and its output, and the assertions on them. */
abstract class UploadReaderTestSupport {

    @TempDir
    Path dir;

    Path upload(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    Path target() {
        return dir.resolve("canonical.out");
    }

    Normalized read(Path upload) {
        Normalized result = UploadReader.normalize(upload, upload.getFileName().toString(), null, target());
        assertEquals(target(), result.csv());
        return result;
    }

    String output() throws IOException {
        return Files.readString(target(), StandardCharsets.UTF_8);
    }

    /** Asserts the upload is refused with the status, and that no output is left behind. */
    ProblemException refused(int status, Path upload) {
        ProblemException e = assertThrows(ProblemException.class, () -> read(upload));
        assertEquals(status, e.status(), e.getMessage());
        assertFalse(Files.exists(target()), "the half-written output is deleted");
        return e;
    }

    static byte[] bytes(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
