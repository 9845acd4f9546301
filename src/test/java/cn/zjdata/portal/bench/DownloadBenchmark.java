package cn.zjdata.portal.bench;

import cn.zjdata.portal.catalog.DatasetRepository;
import cn.zjdata.portal.catalog.ReleaseRepository;
import cn.zjdata.portal.publishing.FileStore;
import cn.zjdata.portal.support.SyntheticDatasets;
import cn.zjdata.portal.tabular.Datatype;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Download throughput of generated (synthetic) datasets of 100,000 and 1,000,000 rows as CSV, Excel CSV and
 * JSON, against reading the same stored file with {@code cat file > /dev/null}, with the heap each download
 * holds on to. Not part of the test suite: run with {@code ./mvnw test -Pbenchmark} (see BENCHMARKS.md).
 */
@QuarkusTest
@Tag("benchmark")
class DownloadBenchmark {

    private static final int RUNS = 3;

    @Inject
    SyntheticDatasets synthetic;
    @Inject
    DatasetRepository datasets;
    @Inject
    ReleaseRepository releases;
    @Inject
    FileStore files;

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newHttpClient();

    /** @param liveHeap heap still in use after full collections during the download, at its highest */
    record Result(int rows, String format, long bytes, double seconds, long liveHeap) {
        double mbPerSecond() {
            return bytes / 1e6 / seconds;
        }
    }

    interface Measured {
        long run() throws Exception;
    }

    @Test
    void downloadThroughputAndHeap() throws Exception {
        List<Result> results = new ArrayList<>();
        for (int rows : new int[]{100_000, 1_000_000}) {
            String slug = SyntheticDatasets.newSlug("bench-" + rows);
            Path csv = generate(rows);
            long start = System.nanoTime();
            synthetic.publish(SyntheticDatasets.metadata(slug, List.of(
                    SyntheticDatasets.column("id", Datatype.INTEGER, true),
                    SyntheticDatasets.column("year", Datatype.YEAR, true),
                    SyntheticDatasets.column("name", Datatype.STRING, true),
                    SyntheticDatasets.column("value", Datatype.DECIMAL, true),
                    SyntheticDatasets.column("flag", Datatype.BOOLEAN, true),
                    SyntheticDatasets.column("note", Datatype.STRING, false))), csv);
            System.out.printf(Locale.ROOT, "published %,d rows in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
            Files.delete(csv);
            Path stored = files.path(releases.findById(datasets.findBySlug(slug).orElseThrow().currentReleaseId).fileSha256);
            results.add(measure(rows, "cat file > /dev/null", () -> cat(stored)));
            results.add(measure(rows, "CSV", () -> download(slug + "/data.csv")));
            results.add(measure(rows, "Excel CSV", () -> download(slug + "/data.csv?excel=true")));
            results.add(measure(rows, "JSON", () -> download(slug + "/data.json")));
        }
        report(results);
    }

    /** A synthetic table: ids, years, Chinese text, decimals, booleans, and notes that need quoting. */
    private static Path generate(int rows) throws IOException {
        Path file = Files.createTempFile("bench", ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,year,name,value,flag,note\n");
            for (int i = 1; i <= rows; i++) {
                out.write(i + "," + (2000 + i % 25) + ",合成指标第" + (i % 1000) + "号," + (i % 100000) / 100.0 + ","
                        + (i % 2 == 0) + "," + (i % 10 == 0 ? "\"含逗号, 和 \"\"引号\"\"\"" : "") + "\n");
            }
        }
        return file;
    }

    /** The fastest of three runs, and the live heap of a fourth. */
    private static Result measure(int rows, String format, Measured measured) throws Exception {
        double fastest = Double.MAX_VALUE;
        long bytes = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            bytes = measured.run();
            fastest = Math.min(fastest, (System.nanoTime() - start) / 1e9);
        }
        long live = LiveHeap.during(measured::run);
        return new Result(rows, format, bytes, fastest, live);
    }

    private long download(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("api/datasets/" + path)).build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = response.body()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
            }
        }
        return total;
    }

    private static long cat(Path file) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", "cat \"$0\" > /dev/null", file.toString()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("cat failed");
        }
        return Files.size(file);
    }

    private static void report(List<Result> results) throws IOException {
        StringBuilder table = new StringBuilder();
        table.append("| rows | format | bytes | best of ").append(RUNS)
                .append(" (s) | MB/s | share of the `cat` limit | live heap during the download, max (MB) |\n");
        table.append("|---:|---|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            Result limit = results.stream().filter(x -> x.rows() == r.rows() && x.format().startsWith("cat")).findFirst().orElseThrow();
            table.append(String.format(Locale.ROOT, "| %,d | %s | %,d | %.3f | %.0f | %.1f%% | %.1f |%n", r.rows(), r.format(),
                    r.bytes(), r.seconds(), r.mbPerSecond(), 100 * r.mbPerSecond() / limit.mbPerSecond(), r.liveHeap() / 1e6));
        }
        String text = "Heap limit: " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version() + "\n\n" + table;
        System.out.println(text);
        Path out = Path.of("target", "benchmarks", "downloads.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
    }
}
