package cn.zjdata.portal.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged portal ({@code target/quarkus-app}) in its own process, with its own data and seed directories,
 * on a free port. Its garbage collections are logged to {@code portal-gc.log} in the work directory (with
 * wall-clock times, so {@link GcLog} can split them by the benchmark's steps) and its console to {@code portal.log}.
 */
final class PortalProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path workDir;
    private final HttpClient http = HttpClient.newHttpClient();

    private PortalProcess(Process process, int port, Path workDir) {
        this.process = process;
        this.port = port;
        this.workDir = workDir;
    }

    static PortalProcess start(Path workDir, Path seeds, String heap) throws Exception {
        return start(workDir, seeds, heap, Map.of());
    }

    /** @param environment variables added to the portal's environment (e.g. the first administrator's account) */
    static PortalProcess start(Path workDir, Path seeds, String heap, Map<String, String> environment) throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the portal first: ./mvnw -DskipTests package");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseG1GC",
                "-Xlog:gc:file=" + workDir.resolve("portal-gc.log").toAbsolutePath() + ":" + GcLog.DECORATIONS,
                "-Dquarkus.http.port=" + port,
                "-Dportal.data-dir=" + workDir.resolve("portal-data").toAbsolutePath(),
                "-Dportal.seed.directory=" + seeds.toAbsolutePath(),
                "-Dportal.base-uri=http://localhost:8080/"));
        // e.g. BENCHMARK_PORTAL_JVM="-XX:StartFlightRecording=filename=/tmp/portal.jfr" to profile the portal
        String extra = System.getenv().getOrDefault("BENCHMARK_PORTAL_JVM", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("portal.log").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        PortalProcess portal = new PortalProcess(process, port, workDir);
        portal.awaitReady();
        return portal;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    long pid() {
        return process.pid();
    }

    /** The portal's console output (its log). */
    Path log() {
        return workDir.resolve("portal.log");
    }

    Path gcLog() {
        return workDir.resolve("portal-gc.log");
    }

    /**
     * A full collection requested with {@code jcmd <pid> GC.run}: the heap it leaves is what the portal holds
     * (read from the GC log afterwards). Between measurements only, never inside a timed step.
     */
    void collectGarbage() throws Exception {
        jcmd("GC.run");
    }

    /** What the heap holds, by class, after a full collection ({@code jcmd <pid> GC.class_histogram}). */
    String classHistogram() throws Exception {
        return jcmd("GC.class_histogram");
    }

    private String jcmd(String command) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
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
