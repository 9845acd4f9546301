package cn.zjdata.portal.publishing;

import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.reference.ReferenceData;
import cn.zjdata.portal.reference.ReferenceService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Imports the seed catalog ({@code datasets/}) at start-up through the publishing service, exactly as a
 * staff member would publish: a folder whose files are unchanged since its last import is skipped; an
 * edited one becomes a new release of its dataset.
 */
@ApplicationScoped
public class SeedImporter {

    private static final Logger LOG = Logger.getLogger(SeedImporter.class);
    static final String METADATA_FILE = "csv-metadata.json";

    private final SeedConfig config;
    private final PublishingService publishing;
    private final ReferenceService reference;
    private final ObjectMapper json;

    public SeedImporter(SeedConfig config, PublishingService publishing, ReferenceService reference, ObjectMapper json) {
        this.config = config;
        this.publishing = publishing;
        this.reference = reference;
        this.json = json;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            importAll(config.directory());
        }
    }

    /** What an import did. */
    public record Summary(List<String> published, List<String> unchanged, List<String> failed) {
    }

    public Summary importAll(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            LOG.warnf("Seed catalog %s does not exist; nothing imported", root);
            return new Summary(List.of(), List.of(), List.of());
        }
        try {
            reference.sync(json.readValue(root.resolve("catalog.json").toFile(), ReferenceData.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root.resolve("catalog.json"), e);
        }
        List<String> published = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (SeedFolder folder : folders(root)) {
            try {
                if (importFolder(folder)) {
                    published.add(folder.slug());
                } else {
                    unchanged.add(folder.slug());
                }
            } catch (ProblemException e) {
                failed.add(folder.slug());
                LOG.errorf("Seed dataset %s was not imported: %s%s", folder.path(), e.getMessage(), describe(e.errors()));
            } catch (IOException | RuntimeException e) {
                failed.add(folder.slug());
                LOG.errorf(e, "Seed dataset %s was not imported", folder.path());
            }
        }
        LOG.infof("Seed catalog %s: %d published, %d unchanged, %d failed", root, published.size(), unchanged.size(), failed.size());
        return new Summary(published, unchanged, failed);
    }

    private boolean importFolder(SeedFolder folder) throws IOException {
        CsvwMetadata.Parsed parsed = CsvwMetadata.read(folder.metadata());
        if (!parsed.errors().isEmpty()) {
            throw ProblemException.invalid(METADATA_FILE + " is not valid", parsed.errors());
        }
        Path table = tableOf(folder, parsed.url());
        PublishRequest.SeedFingerprint fingerprint = new PublishRequest.SeedFingerprint(sha256(table), folder.metadataSha256());
        SeedImport last = SeedImport.findById(parsed.metadata().identifier());
        if (last != null && last.dataSha256.equals(fingerprint.dataSha256())
                && last.metadataSha256.equals(fingerprint.metadataSha256())) {
            return false;
        }
        String note = last == null
                ? "从种子目录 datasets/" + folder.slug() + " 首次导入。First import from the seed catalog (datasets/" + folder.slug() + ")."
                : "种子目录 datasets/" + folder.slug() + " 的文件已修改，重新导入。The seed catalog files in datasets/"
                  + folder.slug() + " changed and were imported again.";
        publishing.publish(new PublishRequest(parsed.metadata(), table, note, "seed-import", "seed-import", null, fingerprint));
        return true;
    }

    /** The CSV a metadata file points at, which must sit inside the dataset's folder. */
    private static Path tableOf(SeedFolder folder, String url) {
        if (url == null || url.isBlank()) {
            throw ProblemException.invalid(METADATA_FILE + " names no CSV file", List.of(FieldError.of("url", "is required")));
        }
        Path table = folder.path().resolve(url).normalize();
        if (!table.startsWith(folder.path()) || !Files.isRegularFile(table)) {
            throw ProblemException.invalid(METADATA_FILE + " points at a missing file",
                    List.of(FieldError.of("url", "'" + url + "' is not a file in " + folder.path().getFileName())));
        }
        return table;
    }

    /** A folder of the seed catalog and its parsed metadata file. */
    private record SeedFolder(Path path, String slug, JsonNode metadata, String metadataSha256, String profile) {
    }

    /** The dataset folders, the indicator registry first since observations refer to it. */
    private List<SeedFolder> folders(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            List<SeedFolder> folders = new ArrayList<>();
            for (Path dir : children.filter(p -> Files.isRegularFile(p.resolve(METADATA_FILE))).toList()) {
                byte[] bytes = Files.readAllBytes(dir.resolve(METADATA_FILE));
                JsonNode metadata = json.readTree(bytes);
                folders.add(new SeedFolder(dir, dir.getFileName().toString(), metadata,
                        HexFormat.of().formatHex(FileStore.sha256().digest(bytes)),
                        metadata.path("dc:conformsTo").asText("")));
            }
            folders.sort(Comparator.comparing((SeedFolder f) -> !TableProfile.INDICATORS.id.equals(f.profile()))
                    .thenComparing(SeedFolder::slug));
            return folders;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = FileStore.sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String describe(List<FieldError> errors) {
        StringBuilder text = new StringBuilder();
        errors.stream().limit(20).forEach(e -> text.append("\n  - ").append(e.field()).append(": ").append(e.message()));
        if (errors.size() > 20) {
            text.append("\n  - … and ").append(errors.size() - 20).append(" more");
        }
        return text.toString();
    }
}
