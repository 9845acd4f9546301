package cn.zjdata.portal.downloads;

import cn.zjdata.portal.catalog.CatalogService;
import cn.zjdata.portal.catalog.Dataset;
import cn.zjdata.portal.catalog.Release;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.publishing.FileStore;
import cn.zjdata.portal.tabular.CsvTables;
import cn.zjdata.portal.tabular.TableSchema;
import cn.zjdata.portal.tabular.TableWriters;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the release a download URL names and writes it in the requested format, streaming. */
@ApplicationScoped
public class DownloadService {

    private static final Logger LOG = Logger.getLogger(DownloadService.class);

    private final CatalogService catalog;
    private final FileStore files;

    public DownloadService(CatalogService catalog, FileStore files) {
        this.catalog = catalog;
        this.files = files;
    }

    /**
     * A release to download.
     *
     * @param latest whether it was asked for by the dataset's latest URL, which moves to each new release
     */
    public record Download(String slug, String title, Release release, Path file, TableSchema schema,
                           DownloadFormat format, boolean latest) {
    }

    /** Release {@code number} (or the latest when null): 404 when unknown, 410 when withdrawn, 503 when its file is lost. */
    public Download resolve(String slug, Integer number, DownloadFormat format) {
        Dataset dataset = catalog.published(slug);
        Release release = number == null ? catalog.latestRelease(slug) : catalog.release(slug, number);
        Path file = files.path(release.fileSha256);
        if (!Files.isReadable(file)) {
            LOG.errorf("The file of %s release %d is missing from the file store: %s", slug, release.number, file);
            throw new ProblemException(503, "/problems/unavailable", "Release file unavailable",
                    "The file of release " + release.number + " of " + slug + " cannot be read right now", List.of());
        }
        return new Download(slug, dataset.titleZh, release, file, release.schema(), format, number == null);
    }

    /** The first rows of a release's table, as stored (header first), for a preview. */
    public record Preview(List<String> header, List<List<String>> rows, long totalRows) {
    }

    /** The first {@code limit} rows of the latest release of a dataset, read without loading the rest. */
    public Preview preview(String slug, int limit) {
        Download download = resolve(slug, null, DownloadFormat.CSV);
        List<String> header = new java.util.ArrayList<>();
        List<List<String>> rows = new java.util.ArrayList<>();
        try (var reader = Files.newBufferedReader(download.file(), StandardCharsets.UTF_8);
             var parser = CsvTables.READ.parse(reader)) {
            for (var record : parser) {
                if (header.isEmpty()) {
                    record.forEach(header::add);
                } else if (rows.size() < limit) {
                    rows.add(record.toList());
                } else {
                    break;
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Preview(header, rows, download.release().rowCount);
    }

    /** Writes the download's body: the stored CSV as it is, or converted row by row. */
    public void write(Download download, OutputStream out) throws IOException {
        switch (download.format()) {
            case CSV -> Files.copy(download.file(), out);
            case EXCEL_CSV -> TableWriters.writeExcelCsv(download.file(), download.schema(), out);
            case JSON -> TableWriters.writeJson(download.file(), download.schema(), out);
            case CSVW -> out.write(download.release().metadataJson.getBytes(StandardCharsets.UTF_8));
        }
    }
}
