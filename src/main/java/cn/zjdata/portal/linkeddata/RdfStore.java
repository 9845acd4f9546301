package cn.zjdata.portal.linkeddata;

import cn.zjdata.portal.common.PortalConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Apache Jena TDB2 store holding the RDF projection, in {@code <data-dir>/rdf/tdb2}. Only the
 * projection writes to it; everything else reads, each read in its own transaction. The generation
 * number changes after every committed write, so caches and entity tags keyed by it can never serve a
 * result from before a publish.
 */
@ApplicationScoped
public class RdfStore {

    private final Path location;
    /** The store's size after its last compaction, kept beside it so the growth check survives restarts. */
    private final Path compactedSizeFile;
    private final AtomicLong generation = new AtomicLong(System.currentTimeMillis());
    private volatile DatasetGraph dataset;

    public RdfStore(PortalConfig config) {
        this.location = config.dataDir().resolve("rdf").resolve("tdb2").toAbsolutePath().normalize();
        this.compactedSizeFile = location.resolveSibling("tdb2.compacted-size");
    }

    /** The store, opened on first use. */
    public DatasetGraph dataset() {
        DatasetGraph d = dataset;
        if (d == null) {
            synchronized (this) {
                if (dataset == null) {
                    try {
                        Files.createDirectories(location);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    dataset = DatabaseMgr.connectDatasetGraph(location.toString());
                }
                d = dataset;
            }
        }
        return d;
    }

    public <T> T read(Function<DatasetGraph, T> work) {
        DatasetGraph d = dataset();
        return Txn.calculateRead(d, () -> work.apply(d));
    }

    /**
     * One atomic write: all of it is visible after the commit, none of it if it fails. The generation moves
     * before the commit and again after it, so no generation number read after the commit ever names the
     * data from before it (a reader that read the number before the commit started before the change).
     */
    public void write(Consumer<DatasetGraph> work) {
        DatasetGraph d = dataset();
        try {
            Txn.executeWrite(d, () -> {
                work.accept(d);
                generation.incrementAndGet();
            });
        } finally {
            generation.incrementAndGet();
        }
    }

    /**
     * Rewrites the store's files compactly. TDB2 keeps every write transaction's superseded blocks until
     * compacted, so a store that is rebuilt or rewritten often grows and reads through sparse pages.
     */
    public void compact() {
        DatabaseMgr.compact(dataset(), true);
        generation.incrementAndGet();
        recordCompactedSize(sizeOnDisk());
    }

    /**
     * Compacts when the store has grown to twice its size after the last compaction (and by 64 MiB at
     * least). Compaction waits for every open read transaction, so call it only while nothing else reads.
     */
    public void compactIfGrown() {
        long size = sizeOnDisk();
        long compacted = compactedSize();
        if (compacted == 0) {
            recordCompactedSize(size);
        } else if (size > 2 * compacted && size - compacted > 64L * 1024 * 1024) {
            compact();
        }
    }

    private long compactedSize() {
        try {
            return Files.isRegularFile(compactedSizeFile) ? Long.parseLong(Files.readString(compactedSizeFile).strip()) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private void recordCompactedSize(long size) {
        try {
            Files.writeString(compactedSizeFile, Long.toString(size));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes the store takes on disk. */
    public long sizeOnDisk() {
        try (var files = Files.walk(location)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Changes after every committed write. */
    public long generation() {
        return generation.get();
    }

    /** Whether the store holds nothing yet (a new data directory, or one whose store was deleted). */
    public boolean isEmpty() {
        return read(d -> d.isEmpty());
    }

    /** Releases the store and its file lock, so the same data directory can be opened again in this JVM. */
    void close(@Observes ShutdownEvent event) {
        if (dataset != null) {
            TDBInternal.expel(dataset);
            dataset = null;
        }
    }
}
