package cn.zjdata.portal.publishing;

import cn.zjdata.portal.common.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Release files, stored by content: {@code <data-dir>/files/sha256/ab/<sha256>.csv}. A stored file never
 * changes, so two releases with the same content share one file, and a file whose database record was
 * never committed is an orphan that harms nothing.
 */
@ApplicationScoped
public class FileStore {

    private final Path root;

    public FileStore(PortalConfig config) {
        this.root = config.dataDir().resolve("files").toAbsolutePath().normalize();
    }

    /** Where work files (uploads being converted, staged tables) live until they are kept or deleted. */
    public Path tempDirectory() {
        return root.resolve("tmp");
    }

    /** Writes to a new staging file, hashing as it goes. */
    public Staged stage(Writing writing) throws IOException {
        Path tmp = Files.createDirectories(root.resolve("tmp")).resolve(UUID.randomUUID() + ".part");
        MessageDigest sha256 = sha256();
        try (CountingOutputStream counting = new CountingOutputStream(Files.newOutputStream(tmp));
             DigestOutputStream out = new DigestOutputStream(counting, sha256)) {
            writing.write(out);
            out.flush();
            return new Staged(tmp, HexFormat.of().formatHex(sha256.digest()), counting.count);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** The size and SHA-256 of what {@code writing} writes, keeping none of it (for derived downloads). */
    public static Fingerprint fingerprint(Writing writing) throws IOException {
        MessageDigest sha256 = sha256();
        try (CountingOutputStream counting = new CountingOutputStream(OutputStream.nullOutputStream());
             DigestOutputStream out = new DigestOutputStream(new java.io.BufferedOutputStream(counting, 64 * 1024), sha256)) {
            writing.write(out);
            out.flush();
            return new Fingerprint(HexFormat.of().formatHex(sha256.digest()), counting.count);
        }
    }

    /** Moves a staged file to its place by content; idempotent. */
    public Path keep(Staged staged) {
        Path target = path(staged.sha256());
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.deleteIfExists(staged.path());
            } else {
                try {
                    Files.move(staged.path(), target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    Files.deleteIfExists(staged.path());
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a sha256: " + sha256);
        }
        return root.resolve("sha256").resolve(sha256.substring(0, 2)).resolve(sha256 + ".csv");
    }

    public void discard(Staged staged) {
        try {
            Files.deleteIfExists(staged.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new SHA-256 digest (every JVM has one). */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file written but not yet kept. */
    public record Staged(Path path, String sha256, long byteSize) {
    }

    /** What a stream of bytes was: its SHA-256 (hex) and length. */
    public record Fingerprint(String sha256, long byteSize) {
    }

    @FunctionalInterface
    public interface Writing {
        void write(OutputStream out) throws IOException;
    }

    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
