package cn.zjdata.portal.publishing;

import cn.zjdata.portal.catalog.Release;
import cn.zjdata.portal.catalog.ReleaseRepository;
import cn.zjdata.portal.tabular.TableWriters;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Releases published before the portal recorded the size and SHA-256 of their JSON and Excel-friendly
 * downloads get them at start-up (after the seed import, before the RDF projection), computed from the
 * stored CSV exactly as a publish computes them. Those values are derived, so filling them in changes no
 * published content.
 */
@ApplicationScoped
public class DerivedFileBackfill {

    private static final Logger LOG = Logger.getLogger(DerivedFileBackfill.class);

    private final ReleaseRepository releases;
    private final FileStore files;

    public DerivedFileBackfill(ReleaseRepository releases, FileStore files) {
        this.releases = releases;
        this.files = files;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        List<Long> missing = QuarkusTransaction.requiringNew().call(() ->
                releases.find("jsonSha256 is null or excelCsvSha256 is null").project(IdOnly.class).list()
                        .stream().map(IdOnly::id).toList());
        int filled = 0;
        for (Long id : missing) {
            filled += fill(id) ? 1 : 0;
        }
        if (!missing.isEmpty()) {
            LOG.infof("Recorded the JSON and Excel-friendly CSV fingerprints of %d of %d older release(s)", filled, missing.size());
        }
    }

    /** The id of a release, read without loading the rest of it. */
    public record IdOnly(Long id) {
    }

    private boolean fill(Long id) {
        Release release = QuarkusTransaction.requiringNew().call(() -> releases.findById(id));
        Path file = files.path(release.fileSha256);
        if (!Files.isReadable(file)) {
            LOG.warnf("Release %d's file is missing from the file store; its download fingerprints stay unknown", id);
            return false;
        }
        try {
            FileStore.Fingerprint json = FileStore.fingerprint(out -> TableWriters.writeJson(file, release.schema(), out));
            FileStore.Fingerprint excel = FileStore.fingerprint(out -> TableWriters.writeExcelCsv(file, release.schema(), out));
            QuarkusTransaction.requiringNew().run(() -> {
                Release stored = releases.findById(id);
                stored.jsonByteSize = json.byteSize();
                stored.jsonSha256 = json.sha256();
                stored.excelCsvByteSize = excel.byteSize();
                stored.excelCsvSha256 = excel.sha256();
            });
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warnf(e, "Release %d's download fingerprints could not be computed", id);
            return false;
        }
    }
}
