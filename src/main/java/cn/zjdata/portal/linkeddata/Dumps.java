package cn.zjdata.portal.linkeddata;

import cn.zjdata.portal.common.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.graph.GraphWrapper;

import cn.zjdata.portal.publishing.FileStore;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * Dumps of the store, rewritten after every change of the projection: the whole store as gzipped
 * N-Quads ({@code all.nq.gz}) and the catalog graph as Turtle ({@code catalog.ttl}). Each is written
 * beside its place and moved there, so a download never sees a half-written dump.
 */
@ApplicationScoped
public class Dumps {

    public static final String ALL = "all.nq.gz";
    public static final String CATALOG = "catalog.ttl";

    private final Path directory;
    private final RdfStore store;
    private final Uris uris;
    /** The entity tag of each dump file, by name: a digest of its bytes, computed as it is written (or on first use). */
    private final Map<String, Written> tags = new ConcurrentHashMap<>();

    public Dumps(PortalConfig config, RdfStore store, Uris uris) {
        this.directory = config.dataDir().resolve("dumps").toAbsolutePath().normalize();
        this.store = store;
        this.uris = uris;
    }

    public void write() {
        try {
            Files.createDirectories(directory);
            store.read(dataset -> {
                writeAtomically(ALL, out -> {
                    try (OutputStream zipped = new GZIPOutputStream(out, 64 * 1024)) {
                        RDFDataMgr.write(zipped, dataset, Lang.NQUADS);
                    }
                });
                Graph catalog = dataset.getGraph(uris.catalogGraph());
                writeAtomically(CATALOG, out -> RDFDataMgr.write(out, prefixed(catalog), RDFFormat.TURTLE_BLOCKS));
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A dump's file, when it has been written. */
    public Optional<Path> file(String name) {
        Path file = directory.resolve(name);
        return (ALL.equals(name) || CATALOG.equals(name)) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * A dump opened for reading, with the entity tag of exactly the bytes the channel reads: the file is
     * replaced by a rename, so an open channel keeps reading the version it opened.
     */
    public record Opened(FileChannel channel, String tag, Instant modified) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    public Optional<Opened> open(String name) throws IOException {
        Optional<Path> file = file(name);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        for (int attempt = 0; ; attempt++) {
            Object before = Files.readAttributes(file.get(), BasicFileAttributes.class).fileKey();
            FileChannel channel = FileChannel.open(file.get(), StandardOpenOption.READ);
            BasicFileAttributes attributes = Files.readAttributes(file.get(), BasicFileAttributes.class);
            if (before == null || before.equals(attributes.fileKey()) || attempt == 3) {
                Written written = tags.get(name);
                String digest = written != null && written.sameFile(attributes) ? written.sha256() : digestOf(name, channel, attributes);
                channel.position(0);
                return Optional.of(new Opened(channel, "dump-" + digest.substring(0, 32),
                        attributes.lastModifiedTime().toInstant()));
            }
            channel.close(); // rewritten while opening: try again for a consistent pair
        }
    }

    /** The digest of a dump written before this process started, remembered for later requests. */
    private String digestOf(String name, FileChannel channel, BasicFileAttributes attributes) throws IOException {
        MessageDigest sha256 = FileStore.sha256();
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        while (channel.read(buffer) >= 0) {
            buffer.flip();
            sha256.update(buffer);
            buffer.clear();
        }
        String digest = HexFormat.of().formatHex(sha256.digest());
        tags.put(name, new Written(digest, attributes.fileKey(), attributes.size(), attributes.lastModifiedTime()));
        return digest;
    }

    /** A dump file as written: its digest, and what identifies the file it is the digest of. */
    private record Written(String sha256, Object fileKey, long size, FileTime modified) {
        boolean sameFile(BasicFileAttributes attributes) {
            return size == attributes.size() && modified.equals(attributes.lastModifiedTime())
                    && (fileKey == null || fileKey.equals(attributes.fileKey()));
        }
    }

    /** The graph seen with the portal's prefixes, without touching the store's own prefix table. */
    private Graph prefixed(Graph graph) {
        var prefixes = Vocab.prefixes(uris.zjdeNamespace());
        return new GraphWrapper(graph) {
            @Override
            public org.apache.jena.shared.PrefixMapping getPrefixMapping() {
                return prefixes;
            }
        };
    }

    private interface Writing {
        void write(OutputStream out) throws IOException;
    }

    private void writeAtomically(String name, Writing writing) {
        Path target = directory.resolve(name);
        Path part = directory.resolve(name + ".part");
        try {
            MessageDigest sha256 = FileStore.sha256();
            try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(part), 64 * 1024), sha256)) {
                writing.write(out);
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            BasicFileAttributes attributes = Files.readAttributes(target, BasicFileAttributes.class);
            tags.put(name, new Written(HexFormat.of().formatHex(sha256.digest()), attributes.fileKey(),
                    attributes.size(), attributes.lastModifiedTime()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
