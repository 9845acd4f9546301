package cn.zjdata.portal.search;

import cn.zjdata.portal.common.PortalConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jboss.logging.Logger;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The Lucene index in {@code <data-dir>/search/index}. Only {@link SearchIndexer} writes to it, through
 * {@link #write}, which commits and then makes the change visible to searches; searches read a
 * point-in-time searcher. The index is derived data: when it is missing or unreadable it is emptied and
 * the indexer rebuilds it.
 */
@ApplicationScoped
public class SearchIndex {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);

    /** Work on an open index writer; the write is committed after it returns. */
    @FunctionalInterface
    interface Writing {
        void write(IndexWriter writer) throws IOException;
    }

    /** Work on a searcher. */
    @FunctionalInterface
    interface Reading<T> {
        T read(IndexSearcher searcher) throws IOException;
    }

    private final Path location;
    private Directory directory;
    private IndexWriter writer;
    private volatile SearcherManager searchers;
    /** Set when an empty index replaced one that could not be read: the indexer must rebuild. */
    private volatile boolean recreated;
    /** Counts the commits made visible to searches, so answers cached elsewhere can name the state they saw. */
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    public SearchIndex(PortalConfig config) {
        this.location = config.dataDir().resolve("search").resolve("index").toAbsolutePath().normalize();
    }

    /** Where the index lives. */
    public Path location() {
        return location;
    }

    /**
     * Opens the index, creating an empty one when there is none or the one there cannot be read.
     *
     * @return whether an existing, readable index was opened (false: the caller must rebuild)
     */
    synchronized boolean open() {
        if (writer != null) {
            return true;
        }
        try {
            Files.createDirectories(location);
            directory = FSDirectory.open(location);
            boolean existed = DirectoryReader.indexExists(directory);
            if (existed) {
                try {
                    openWriter(IndexWriterConfig.OpenMode.APPEND);
                    return true;
                } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException
                         | EOFException | NoSuchFileException unreadable) {
                    // Only damage recreates the index: a lock held by another process or an I/O error is
                    // thrown as it is, and never costs the index its files.
                    LOG.warnf(unreadable, "The search index in %s cannot be read; it is recreated", location);
                    closeQuietly();
                    deleteFiles();
                    directory = FSDirectory.open(location);
                }
            }
            openWriter(IndexWriterConfig.OpenMode.CREATE);
            recreated = true;
            return false;
        } catch (IOException | RuntimeException e) {
            closeQuietly(); // nothing half-open stays behind (a held lock, a writer without searchers)
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private void openWriter(IndexWriterConfig.OpenMode mode) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(SearchAnalyzers.index()).setOpenMode(mode);
        writer = new IndexWriter(directory, config);
        if (mode == IndexWriterConfig.OpenMode.CREATE) {
            writer.commit();
        }
        searchers = new SearcherManager(writer, null);
        // A readable index must also open for search: a corrupt segment fails here, not at the first query.
        IndexSearcher probe = searchers.acquire();
        try {
            probe.count(new org.apache.lucene.search.MatchAllDocsQuery());
        } finally {
            searchers.release(probe);
        }
    }

    /** The number of commits searches have seen so far; it changes whenever what a search finds may change. */
    long version() {
        return version.get();
    }

    /**
     * Whether the index had to be recreated empty since the last call (then the indexer rebuilds it);
     * the flag is cleared by asking.
     */
    boolean takeRecreated() {
        boolean was = recreated;
        recreated = false;
        return was;
    }

    /** Applies one change and commits it; searches see all of it or none of it. */
    synchronized void write(Writing work) {
        open();
        try {
            try {
                work.write(writer);
                writer.commit();
            } catch (IOException | RuntimeException e) {
                try {
                    writer.rollback(); // drops the uncommitted change and closes the writer
                } catch (IOException | RuntimeException ignored) {
                    LOG.debugf(ignored, "Rolling back the search index writer");
                } finally {
                    writer = null;
                    closeQuietly();
                }
                throw e;
            }
            searchers.maybeRefreshBlocking();
            version.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a read on the latest committed state. Searches do not wait for a write in progress: they read
     * the last commit through the searcher manager, locking only to open the index.
     */
    <T> T read(Reading<T> work) {
        for (int attempt = 0; ; attempt++) {
            SearcherManager manager = searchers;
            if (manager == null) {
                synchronized (this) {
                    open();
                    manager = searchers;
                }
            }
            try {
                IndexSearcher searcher = manager.acquire();
                try {
                    return work.read(searcher);
                } finally {
                    manager.release(searcher);
                }
            } catch (AlreadyClosedException closed) {
                if (attempt > 0) {
                    throw closed; // the index was reopened under us twice: let the caller see it
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Closes the index and deletes its files (tests simulate a lost index with this). */
    synchronized void delete() {
        closeQuietly();
        deleteFiles();
    }

    private void deleteFiles() {
        if (!Files.exists(location)) {
            return;
        }
        try (Stream<Path> files = Files.walk(location)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeQuietly() {
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.close();
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf(e, "Closing the search index");
        } finally {
            searchers = null;
            writer = null;
            directory = null;
        }
    }

    /** Releases the index and its write lock, so the data directory can be opened again in this JVM. */
    synchronized void close(@Observes ShutdownEvent event) {
        closeQuietly();
    }
}
