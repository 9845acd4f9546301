package cn.zjdata.portal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal's /sparql against Apache Jena Fuseki loaded with the same quads, in one run: a mix of 13
 * queries, first-time and repeated, at concurrency 1 and 4. Both servers run as separate processes with
 * the same heap; this JVM is the client. Not part of the test suite: see BENCHMARKS.md.
 */
@Tag("benchmark")
class SparqlBenchmark {

    private static final String HEAP = System.getenv().getOrDefault("BENCHMARK_HEAP", "512m");
    private static final int SYNTHETIC_ROWS = 50_000;
    private static final int WARM_UP_PASSES = 5;
    private static final int FIRST_TIME_ROUNDS = 20;
    private static final int REPEATED_PASSES_PER_CLIENT = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Sample(String side, String query, long nanos) {
    }

    record Answer(byte[] body, long nanos) {
    }

    record Load(int requests, double seconds, List<Long> latencies) {
        double rate() {
            return requests / seconds;
        }
    }

    @Test
    void portalAgainstFuseki() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "benchmark", "sparql-" + System.currentTimeMillis()));
        String slug = "synthetic-benchmark-table";
        Path seeds = seedsWithSyntheticTable(work, slug);
        StringBuilder report = new StringBuilder();
        long quadCount;
        try (PortalProcess portalProcess = PortalProcess.start(work, seeds, HEAP);
             FusekiProcess fuseki = FusekiProcess.start(work, HEAP)) {
            Path quads = work.resolve("store.nq");
            quadCount = download(portalProcess.url("/dumps/all.nq.gz"), quads);
            fuseki.load(quads);
            String portal = portalProcess.url("/sparql");
            List<SparqlQueries.Query> mix = SparqlQueries.mix(slug);
            report.append(sameAnswers(mix, portal, fuseki.queryUrl()));
            // Warm-up: both engines execute every query (a fresh nonce each pass, so the portal's answer
            // cache cannot answer in place of its query engine).
            for (int i = 0; i < WARM_UP_PASSES; i++) {
                for (SparqlQueries.Query q : nonced(mix, "warm-up-" + i)) {
                    run(portal, q);
                    run(fuseki.queryUrl(), q);
                }
            }
            // Each round runs the whole mix on one server, then on the other (never interleaved: on two cores
            // one server's garbage collector would run into the other's measurement), and the servers take
            // turns at going first.
            List<Sample> firstTime = new ArrayList<>();
            for (int round = 0; round < FIRST_TIME_ROUNDS; round++) {
                List<String> order = round % 2 == 0 ? List.of("portal", "fuseki") : List.of("fuseki", "portal");
                for (String side : order) {
                    String endpoint = side.equals("portal") ? portal : fuseki.queryUrl();
                    for (SparqlQueries.Query q : nonced(mix, "round-" + round)) {
                        firstTime.add(new Sample(side, q.name(), run(endpoint, q).nanos()));
                    }
                }
            }
            report.append(firstTimeTable(mix, firstTime));
            report.append("\nRepeated queries (the same mix again and again; each client shuffles its order):\n\n");
            report.append("| concurrency | side | requests | wall (s) | queries/s | p50 (ms) | p95 (ms) | throughput portal ÷ Fuseki |\n");
            report.append("|---:|---|---:|---:|---:|---:|---:|---:|\n");
            for (int clients : new int[]{1, 4}) {
                Load p = load(portal, mix, clients);
                Load f = load(fuseki.queryUrl(), mix, clients);
                report.append(row(clients, "portal", p, p.rate() / f.rate()));
                report.append(row(clients, "Fuseki", f, 1.0));
            }
        }
        String text = String.format(Locale.ROOT, "Store: %,d quads (seed catalog + %,d synthetic rows). Each server in its own "
                        + "process with -Xmx%s; the client is a third JVM. %d cores, Java %s.%n%n",
                quadCount, SYNTHETIC_ROWS, HEAP, Runtime.getRuntime().availableProcessors(), Runtime.version()) + report;
        System.out.println(text);
        Path out = Path.of("target", "benchmarks", "sparql.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
    }

    /**
     * A seed directory for the benchmark's own portal: the seed catalog plus one generated table, labelled
     * synthetic, so that aggregates have rows to work through. It never enters datasets/.
     */
    private static Path seedsWithSyntheticTable(Path work, String slug) throws Exception {
        Path seeds = work.resolve("seeds");
        Path datasets = Path.of("datasets");
        try (var files = Files.walk(datasets)) {
            for (Path source : files.toList()) {
                Path target = seeds.resolve(datasets.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        Path folder = Files.createDirectories(seeds.resolve(slug));
        Files.writeString(folder.resolve("csv-metadata.json"), """
                {"@context": ["http://www.w3.org/ns/csvw", {"@language": "zh"}], "url": "data.csv",
                 "dc:identifier": "%s",
                 "dc:title": [{"@value": "合成基准测试数据（非事实）", "@language": "zh"}, {"@value": "Synthetic benchmark data (not facts)", "@language": "en"}],
                 "dc:description": [{"@value": "基准测试生成的合成数据，不是事实。", "@language": "zh"}, {"@value": "Generated for a benchmark; not facts.", "@language": "en"}],
                 "dc:publisher": "digital-economy-office",
                 "dcat:theme": [{"@id": "http://publications.europa.eu/resource/authority/data-theme/TECH"}],
                 "dcat:keyword": [{"@value": "合成数据", "@language": "zh"}, {"@value": "synthetic", "@language": "en"}],
                 "dc:license": {"@id": "https://creativecommons.org/licenses/by/4.0/"},
                 "dc:accrualPeriodicity": {"@id": "http://publications.europa.eu/resource/authority/frequency/IRREG"},
                 "tableSchema": {"columns": [
                   {"name": "id", "datatype": "integer", "required": true},
                   {"name": "year", "datatype": "gYear", "required": true},
                   {"name": "value", "datatype": "decimal", "required": true},
                   {"name": "name", "datatype": "string", "required": true}]}}
                """.formatted(slug), StandardCharsets.UTF_8);
        try (BufferedWriter out = Files.newBufferedWriter(folder.resolve("data.csv"), StandardCharsets.UTF_8)) {
            out.write("id,year,value,name\n");
            for (int i = 1; i <= SYNTHETIC_ROWS; i++) {
                out.write(i + "," + (2000 + i % 25) + "," + (i % 1000) / 10.0 + ",合成第" + i + "行\n");
            }
        }
        return seeds;
    }

    /** Downloads the portal's dump of its whole store and unpacks it; returns the number of quads. */
    private long download(String url, Path file) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = new GZIPInputStream(response.body())) {
            Files.copy(in, file);
        }
        try (var lines = Files.lines(file)) {
            return lines.count();
        }
    }

    /** The mix with a no-op VALUES row in each query: new text for both servers, the same answers. */
    private static List<SparqlQueries.Query> nonced(List<SparqlQueries.Query> mix, String nonce) {
        return mix.stream().map(q -> new SparqlQueries.Query(q.name(), SparqlQueries.withNonce(q.text(), nonce), q.graph())).toList();
    }

    private Answer run(String endpoint, SparqlQueries.Query q) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", q.graph() ? "text/turtle" : "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(q.text(), StandardCharsets.UTF_8)))
                .build();
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long nanos = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(endpoint + " answered " + response.statusCode() + " to " + q.name()
                    + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return new Answer(response.body(), nanos);
    }

    /** Both sides must answer alike before their speed means anything. */
    private String sameAnswers(List<SparqlQueries.Query> mix, String portal, String fuseki) throws Exception {
        StringBuilder table = new StringBuilder("| query | answer size, portal | answer size, Fuseki |\n|---|---:|---:|\n");
        for (SparqlQueries.Query q : mix) {
            long a = size(q, run(portal, q).body());
            long b = size(q, run(fuseki, q).body());
            table.append("| ").append(q.name()).append(" | ").append(a).append(" | ").append(b).append(" |\n");
            if (q.name().startsWith("describe")) {
                assertTrue(a > 0 && b > 0, q.name());
            } else {
                assertEquals(b, a, q.name() + ": the same number of results on both sides");
            }
        }
        return table + "\n(DESCRIBE may differ by design: the portal's is the subject's triples and their blank-node "
                + "closure, Fuseki's the concise bounded description; here they agree.)\n\n";
    }

    private static long size(SparqlQueries.Query q, byte[] body) throws Exception {
        if (q.graph()) {
            Graph graph = GraphFactory.createDefaultGraph();
            RDFParser.source(new ByteArrayInputStream(body)).lang(Lang.TURTLE).parse(graph);
            return graph.size();
        }
        JsonNode json = JSON.readTree(body);
        return json.has("boolean") ? (json.get("boolean").asBoolean() ? 1 : 0) : json.path("results").path("bindings").size();
    }

    private static String firstTimeTable(List<SparqlQueries.Query> mix, List<Sample> samples) {
        StringBuilder table = new StringBuilder("First-time queries (" + FIRST_TIME_ROUNDS
                + " rounds, each query new to both servers; one server at a time, taking turns at going first), median and p95 in ms:\n\n"
                + "| query | portal p50 | portal p95 | Fuseki p50 | Fuseki p95 |\n|---|---:|---:|---:|---:|\n");
        for (SparqlQueries.Query q : mix) {
            List<Long> p = latencies(samples, "portal", q.name());
            List<Long> f = latencies(samples, "fuseki", q.name());
            table.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |%n", q.name(),
                    percentile(p, 50), percentile(p, 95), percentile(f, 50), percentile(f, 95)));
        }
        List<Long> p = latencies(samples, "portal", null);
        List<Long> f = latencies(samples, "fuseki", null);
        table.append(String.format(Locale.ROOT, "| **all first-time queries** | %.1f | %.1f | %.1f | %.1f |%n",
                percentile(p, 50), percentile(p, 95), percentile(f, 50), percentile(f, 95)));
        long sumP = p.stream().mapToLong(Long::longValue).sum();
        long sumF = f.stream().mapToLong(Long::longValue).sum();
        table.append(String.format(Locale.ROOT, "%nSum of first-time latencies: portal %.0f ms, Fuseki %.0f ms (portal ÷ Fuseki %.2f).%n",
                sumP / 1e6, sumF / 1e6, (double) sumP / sumF));
        return table.toString();
    }

    private static List<Long> latencies(List<Sample> samples, String side, String query) {
        return samples.stream().filter(s -> s.side().equals(side) && (query == null || s.query().equals(query)))
                .map(Sample::nanos).toList();
    }

    /** Each client runs the mix in its own shuffled order, repeatedly. */
    private Load load(String endpoint, List<SparqlQueries.Query> mix, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int seed = c;
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                List<SparqlQueries.Query> order = new ArrayList<>(mix);
                Random random = new Random(seed);
                for (int pass = 0; pass < REPEATED_PASSES_PER_CLIENT; pass++) {
                    Collections.shuffle(order, random);
                    for (SparqlQueries.Query q : order) {
                        latencies.add(run(endpoint, q).nanos());
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Load(all.size(), seconds, all);
    }

    private static String row(int clients, String side, Load load, double ratio) {
        return String.format(Locale.ROOT, "| %d | %s | %d | %.2f | %.0f | %.1f | %.1f | %s |%n", clients, side, load.requests(),
                load.seconds(), load.rate(), percentile(load.latencies(), 50), percentile(load.latencies(), 95),
                side.equals("portal") ? String.format(Locale.ROOT, "%.1f×", ratio) : "");
    }

    private static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
