package cn.zjdata.portal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publishing a generated (synthetic) table of 1,000,000 rows end to end through the staff API of the packaged
 * portal, running as a separate process with a fixed heap and a fresh data directory, in one run: the upload,
 * the publish, then the two background projections (the RDF store, until SPARQL sees every row; the search
 * index, until a word of the rows is found), and, as the limit of the RDF step, Jena's bulk loader
 * {@code tdb2.tdbloader} loading the same quads in a JVM with the same heap. Peak heaps come from the GC logs.
 * Not part of the test suite: see BENCHMARKS.md.
 */
@Tag("benchmark")
class PublishBenchmark {

    private static final String HEAP = System.getenv().getOrDefault("BENCHMARK_HEAP", "512m");
    private static final int ROWS = Integer.parseInt(System.getenv().getOrDefault("BENCHMARK_ROWS", "1000000"));
    /** tdbloader's loaders to time, one after the other: phased is its default. */
    private static final List<String> LOADERS = List.of(System.getenv().getOrDefault("BENCHMARK_TDBLOADERS", "phased,light,basic").split(","));
    private static final String SLUG = "synthetic-publish-benchmark";
    private static final String DEPARTMENT = "digital-economy-office";
    /** A word every generated note contains and nothing else in the catalog does. */
    private static final String MARKER = "publishbench";
    /** The portal's names are minted under its configured base URI, whatever port it listens on. */
    private static final String BASE = "http://localhost:8080/";
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration BACKGROUND_LIMIT = Duration.ofMinutes(30);
    private static final String[] REGIONS = {"杭州市", "宁波市", "温州市", "嘉兴市", "湖州市", "绍兴市", "金华市", "衢州市",
            "舟山市", "台州市", "丽水市"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void publishAMillionRowsEndToEnd() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "benchmark", "publish-" + System.currentTimeMillis()))
                .toAbsolutePath();
        Path csv = work.resolve("synthetic-publish-benchmark.csv");
        generate(csv, ROWS);
        String graph = BASE + "graph/dataset/" + SLUG;
        String lastRow = BASE + "api/datasets/" + SLUG + "/releases/1/data.csv#row=" + (ROWS + 1);
        String idProperty = BASE + "api/datasets/" + SLUG + "/data.csv#id";
        String password = "Bench-" + UUID.randomUUID();

        PublishReport report = new PublishReport(ROWS, HEAP, Files.size(csv));
        report.loadAverage("at the start", loadAverage());
        Path quads = work.resolve("dataset-graph.nq");
        try (PortalProcess portal = PortalProcess.start(work, Path.of("datasets").toAbsolutePath(), HEAP,
                Map.of("PORTAL_ADMIN_USERNAME", "bench-admin", "PORTAL_ADMIN_PASSWORD", password))) {
            StaffClient api = new StaffClient(portal);
            api.signInWithToken("bench-admin", password, DEPARTMENT);
            api.createDraft(metadata());
            String dumpBefore = api.dumpTag().orElse("");
            Instant atRest = Instant.now(); // the collection that follows shows the heap at rest in the GC log
            portal.collectGarbage();

            Instant uploadStart = Instant.now();
            JsonNode upload = api.upload(SLUG, csv);
            PublishReport.Step uploadStep = new PublishReport.Step(uploadStart, Instant.now());
            assertEquals(ROWS, upload.path("rows").asLong(), "the upload counted every row");

            Instant publishStart = Instant.now();
            JsonNode release = api.release(SLUG, upload.path("id").asText(), "合成基准测试发布 / synthetic benchmark release");
            Instant published = Instant.now();
            assertEquals("published", release.path("outcome").asText());

            // The background work, each watched from the publish answer by its own poller.
            ExecutorService pollers = Executors.newFixedThreadPool(3);
            Future<Instant> rdf = pollers.submit(() -> firstTime(() -> "true".equals(api.sparql(
                    "ASK { GRAPH <" + graph + "> { <" + lastRow + "> <" + idProperty + "> ?id } }"))));
            Future<Instant> search = pollers.submit(() -> firstTime(() -> api.search(MARKER).contains(SLUG)));
            Future<Instant> dumps = pollers.submit(() -> firstTime(() -> !api.dumpTag().orElse("").equals(dumpBefore)));
            Instant rdfDone = rdf.get();
            Instant searchDone = search.get();
            Instant dumpsDone = dumps.get();
            pollers.shutdown();
            Instant backgroundDone = max(max(rdfDone, searchDone), dumpsDone);

            report.steps(uploadStep, upload.path("byteSize").asLong(), new PublishReport.Step(publishStart, published),
                    new PublishReport.Step(published, rdfDone), new PublishReport.Step(published, searchDone),
                    new PublishReport.Step(published, dumpsDone));

            Instant countStart = Instant.now();
            long idTriples = Long.parseLong(api.sparql("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + graph + "> { ?row <"
                    + idProperty + "> ?id } }"));
            report.count(idTriples, new PublishReport.Step(countStart, Instant.now()));
            assertEquals(ROWS, idTriples, "SPARQL sees every row");

            Instant afterRun = Instant.now();
            portal.collectGarbage();
            String histogram = portal.classHistogram();
            Files.writeString(work.resolve("portal-histogram.txt"), histogram);
            report.histogram(histogram);
            report.exportedQuads(export(api, graph, quads));
            report.sizes(diskUsage(work.resolve("portal-data").resolve("rdf")),
                    Files.size(work.resolve("portal-data").resolve("dumps").resolve("all.nq.gz")));
            // the portal stops here, so the loader has both cores, as the portal's projection had
            portal.close();
            report.heap(GcLog.read(portal.gcLog()), atRest, new PublishReport.Step(published, backgroundDone), afterRun);
            report.portalLog(Files.readString(portal.log(), StandardCharsets.UTF_8), SLUG);
        }
        Path out = Files.createDirectories(Path.of("target", "benchmarks")).resolve("publish.md");
        report.loadAverage("after the portal's steps", loadAverage());
        Files.writeString(out, report.toMarkdown(), StandardCharsets.UTF_8); // the portal's figures, kept if a loader run fails
        // tdbloader's fixed cost (JVM start, opening a database, exit): the default loader on a file of one quad
        Path one = work.resolve("one-quad.nq");
        Files.writeString(one, "<" + BASE + "s> <" + BASE + "p> \"1\" <" + graph + "> .\n");
        report.tdbloaderFixedCost(TdbLoader.load(work, "tdbloader-one-quad", null, one, HEAP).seconds());
        for (String loader : LOADERS) {
            TdbLoader.Load loaded = TdbLoader.load(work, "tdbloader-" + loader, loader.equals("phased") ? null : loader, quads, HEAP);
            report.tdbloader(loaded, GcLog.read(loaded.gcLog()).all(), loaded.succeeded() ? diskUsage(loaded.database()) : 0);
            Files.writeString(out, report.toMarkdown(), StandardCharsets.UTF_8);
        }
        report.loadAverage("after the loaders", loadAverage());
        String text = report.toMarkdown();
        System.out.println(text);
        Files.writeString(out, text, StandardCharsets.UTF_8);
        assertTrue(Files.size(out) > 0);
    }

    /**
     * The synthetic table: an integer key, one of eleven city names, a year, a decimal and a note (every tenth
     * needs CSV quoting), about 100 bytes a row. Every note carries {@link #MARKER}.
     */
    static void generate(Path csv, int rows) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("id,region,year,value,note\n");
            for (int i = 1; i <= rows; i++) {
                String note = i % 10 == 0
                        ? "\"合成备注第" + i + "行, \"\"quoted\"\" " + MARKER + " synthetic, not a fact\""
                        : "合成备注第" + i + "行 " + MARKER + " synthetic row not a fact";
                out.write(i + "," + REGIONS[i % REGIONS.length] + "," + (2000 + i % 25) + ","
                        + BigDecimal.valueOf(i * 7919L % 10_000_000L, 2).toPlainString() + "," + note + "\n");
            }
        }
    }

    /** The draft's metadata, in the csv-metadata.json format of datasets/, clearly labelled synthetic. */
    private static JsonNode metadata() throws Exception {
        return JSON.readTree("""
                {"@context": ["http://www.w3.org/ns/csvw", {"@language": "zh"}], "url": "data.csv",
                 "dc:identifier": "%s",
                 "dc:title": [{"@value": "合成基准测试数据：发布 %,d 行（非事实）", "@language": "zh"},
                              {"@value": "Synthetic benchmark data: publishing %,d rows (not facts)", "@language": "en"}],
                 "dc:description": [{"@value": "发布基准测试生成的合成数据，不是事实。", "@language": "zh"},
                                    {"@value": "Generated by the publishing benchmark; not facts.", "@language": "en"}],
                 "dc:publisher": "%s",
                 "dcat:theme": [{"@id": "http://publications.europa.eu/resource/authority/data-theme/TECH"}],
                 "dcat:keyword": [{"@value": "合成数据", "@language": "zh"}, {"@value": "synthetic", "@language": "en"}],
                 "dc:temporal": {"dcat:startDate": "2000", "dcat:endDate": "2024"},
                 "dc:spatial": "330000",
                 "dc:license": {"@id": "https://creativecommons.org/licenses/by/4.0/"},
                 "dc:accrualPeriodicity": {"@id": "http://publications.europa.eu/resource/authority/frequency/IRREG"},
                 "tableSchema": {"columns": [
                   {"name": "id", "titles": {"zh": "编号", "en": "Id"}, "datatype": "integer", "required": true},
                   {"name": "region", "titles": {"zh": "地区", "en": "Region"}, "datatype": "string", "required": true},
                   {"name": "year", "titles": {"zh": "年份", "en": "Year"}, "datatype": "gYear", "required": true},
                   {"name": "value", "titles": {"zh": "数值", "en": "Value"}, "datatype": "decimal", "required": true},
                   {"name": "note", "titles": {"zh": "备注", "en": "Note"}, "datatype": "string", "required": false}],
                  "primaryKey": ["id"]}}
                """.formatted(SLUG, ROWS, ROWS, DEPARTMENT));
    }

    /** Polls (every 200 ms) until {@code check} holds; answers when it was first seen to hold. */
    private static Instant firstTime(Callable<Boolean> check) throws Exception {
        Instant deadline = Instant.now().plus(BACKGROUND_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (check.call()) {
                return Instant.now();
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException("not done within " + BACKGROUND_LIMIT);
    }

    /** Writes the dataset's graph, taken from the portal's dump of its store, as N-Quads; answers the count. */
    private static long export(StaffClient api, String graph, Path quads) throws Exception {
        String suffix = " <" + graph + "> .";
        long count = 0;
        try (InputStream in = new GZIPInputStream(api.dump().body(), 64 * 1024);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
             BufferedWriter out = Files.newBufferedWriter(quads, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.endsWith(suffix)) {
                    out.write(line);
                    out.write('\n');
                    count++;
                }
            }
        }
        return count;
    }

    /** Bytes a directory takes on disk ({@code du}: TDB2's files are sparse, so their lengths overstate it). */
    static long diskUsage(Path directory) throws Exception {
        Process du = new ProcessBuilder("du", "-sk", directory.toString()).redirectErrorStream(true).start();
        String output = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (du.waitFor() != 0) {
            throw new IllegalStateException("du failed: " + output);
        }
        return Long.parseLong(output.split("\\s+")[0]) * 1024;
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

}
