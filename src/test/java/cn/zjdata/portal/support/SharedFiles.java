package cn.zjdata.portal.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared seed documents and standards live (../shared beside the repository). */
public final class SharedFiles {

    private SharedFiles() {
    }

    public static Path sharedDir() {
        String configured = System.getProperty("test.shared.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "shared");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("The shared folder (seeds, standards) is missing: " + dir.toAbsolutePath());
        }
        return dir.toAbsolutePath().normalize();
    }

    public static Path seeds() {
        return sharedDir().resolve("seeds");
    }

    /** The seed catalog of the repository. */
    public static Path datasets() {
        return Path.of("datasets").toAbsolutePath();
    }
}
