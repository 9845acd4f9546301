package cn.zjdata.portal.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Apache Jena Fuseki (jena-fuseki-server, the portal's Jena version) in its own process: a TDB2 dataset
 * whose default graph is the union of its named graphs, like the portal's, loaded over HTTP.
 */
final class FusekiProcess implements AutoCloseable {

    static final int PORT = 3330;

    private final Process process;
    private final HttpClient http = HttpClient.newHttpClient();

    private FusekiProcess(Process process) {
        this.process = process;
    }

    static FusekiProcess start(Path workDir, String heap) throws Exception {
        Path jar = Path.of("target", "benchmark", "jena-fuseki-server.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("run with -Pbenchmark, which copies " + jar);
        }
        Path db = Files.createDirectories(workDir.resolve("fuseki-tdb2"));
        Path config = workDir.resolve("fuseki-config.ttl");
        Files.writeString(config, """
                @prefix fuseki: <http://jena.apache.org/fuseki#> .
                @prefix tdb2:   <http://jena.apache.org/2016/tdb#> .
                <#service> a fuseki:Service ; fuseki:name "ds" ;
                    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "query" ] ;
                    fuseki:endpoint [ fuseki:operation fuseki:gsp-rw ] ;
                    fuseki:dataset <#ds> .
                <#ds> a tdb2:DatasetTDB2 ; tdb2:location "%s" ; tdb2:unionDefaultGraph true .
                """.formatted(db), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseG1GC", "-Xlog:gc:file=" + workDir.resolve("fuseki-gc.log").toAbsolutePath(), "-jar", jar.toString(), "--quiet", "--port=" + PORT, "--config=" + config)
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("fuseki.log").toFile())
                .start();
        FusekiProcess fuseki = new FusekiProcess(process);
        fuseki.awaitReady();
        return fuseki;
    }

    String queryUrl() {
        return "http://localhost:" + PORT + "/ds/query";
    }

    /** Loads N-Quads into the dataset (the graph store protocol on the dataset). */
    void load(Path nquads) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/ds"))
                .header("Content-Type", "application/n-quads")
                .POST(HttpRequest.BodyPublishers.ofFile(nquads)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("loading Fuseki failed: " + response.statusCode() + " " + response.body());
        }
    }

    /** Waits (polling, this is set-up, not a measurement) until Fuseki answers a query. */
    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Fuseki exited with " + process.exitValue());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(queryUrl() + "?query=ASK%7B%7D"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Fuseki did not start within 90 s");
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor();
    }
}
