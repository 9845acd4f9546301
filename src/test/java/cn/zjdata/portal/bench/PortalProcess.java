package cn.zjdata.portal.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The packaged portal ({@code target/quarkus-app}) in its own process, with its own data and seed directories. */
final class PortalProcess implements AutoCloseable {

    static final int PORT = 8090;

    private final Process process;
    private final HttpClient http = HttpClient.newHttpClient();

    private PortalProcess(Process process) {
        this.process = process;
    }

    static PortalProcess start(Path workDir, Path seeds, String heap) throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the portal first: ./mvnw -DskipTests package");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseG1GC",
                "-Xlog:gc:file=" + workDir.resolve("portal-gc.log").toAbsolutePath(),
                "-Dquarkus.http.port=" + PORT,
                "-Dportal.data-dir=" + workDir.resolve("portal-data").toAbsolutePath(),
                "-Dportal.seed.directory=" + seeds.toAbsolutePath(),
                "-Dportal.base-uri=http://localhost:8080/"));
        // e.g. BENCHMARK_PORTAL_JVM="-XX:StartFlightRecording=filename=/tmp/portal.jfr" to profile the portal
        String extra = System.getenv().getOrDefault("BENCHMARK_PORTAL_JVM", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("portal.log").toFile())
                .start();
        PortalProcess portal = new PortalProcess(process);
        portal.awaitReady();
        return portal;
    }

    String url(String path) {
        return "http://localhost:" + PORT + path;
    }

    /** Waits (polling, this is set-up) until the portal is ready and its start-up projection is done. */
    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the portal exited with " + process.exitValue());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url("/dumps/all.nq.gz")))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return; // the dump is written once the start-up projection is complete
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the portal was not ready within 5 minutes");
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor();
    }
}
