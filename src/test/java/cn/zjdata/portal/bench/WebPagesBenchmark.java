package cn.zjdata.portal.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web pages under wrk: the home page, a search, a dataset page and an indicator page from the packaged
 * portal, against nginx serving the same pages saved as static files (the limit), at 16 and 64
 * connections, in one run. Needs {@code wrk} and {@code nginx} (Debian packages). Not part of the test
 * suite: see BENCHMARKS.md.
 */
@Tag("benchmark")
class WebPagesBenchmark {

    private static final String HEAP = System.getenv().getOrDefault("BENCHMARK_HEAP", "512m");
    private static final int NGINX_PORT = 8091;
    private static final int[] CONNECTIONS = {16, 64};
    private static final String DURATION = System.getenv().getOrDefault("BENCHMARK_WRK_DURATION", "10s");
    private static final Pattern RESULT = Pattern.compile("RESULT (.*)");

    /** A page under test: its name, the portal's path and the static file nginx serves it from. */
    record PageUnderTest(String name, String path, String file, boolean fresh) {
        PageUnderTest(String name, String path, String file) {
            this(name, path, file, false);
        }
    }

    private static final List<PageUnderTest> PAGES = List.of(
            new PageUnderTest("home", "/", "home.html"),
            new PageUnderTest("search 机器人", "/datasets?q=%E6%9C%BA%E5%99%A8%E4%BA%BA", "search.html"),
            new PageUnderTest("search 机器人, first time (a new parameter on every request)",
                    "/datasets?q=%E6%9C%BA%E5%99%A8%E4%BA%BA", "search.html", true),
            new PageUnderTest("dataset", "/datasets/doubling-plan-indicators", "dataset.html"),
            new PageUnderTest("indicator", "/indicators/digital-economy-value-added", "indicator.html"));

    record Figures(long requests, double seconds, long bytes, long errors, double p50, double p95, double p99) {
        double rate() {
            return requests / seconds;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void portalPagesAgainstNginxServingTheirStaticCopies() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "benchmark", "web-" + System.currentTimeMillis()))
                .toAbsolutePath();
        Path site = Files.createDirectories(work.resolve("static"));
        Path script = work.resolve("latency.lua");
        Path fresh = work.resolve("fresh.lua");
        try (InputStream in = getClass().getResourceAsStream("/bench/latency.lua");
             InputStream f = getClass().getResourceAsStream("/bench/fresh.lua")) {
            Files.copy(in, script);
            Files.copy(f, fresh);
        }
        Map<PageUnderTest, Integer> sizes = new LinkedHashMap<>();
        Map<PageUnderTest, Map<Integer, Figures[]>> results = new LinkedHashMap<>();
        try (PortalProcess portal = PortalProcess.start(work, Path.of("datasets").toAbsolutePath(), HEAP)) {
            for (PageUnderTest page : PAGES) {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(portal.url(page.path())))
                        .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, response.statusCode(), page.path());
                Files.write(site.resolve(page.file()), response.body());
                sizes.put(page, response.body().length);
            }
            try (Nginx nginx = Nginx.start(work, site)) {
                for (PageUnderTest page : PAGES) {
                    Map<Integer, Figures[]> byConnections = new LinkedHashMap<>();
                    for (int connections : CONNECTIONS) {
                        String portalUrl = portal.url(page.path());
                        String nginxUrl = "http://localhost:" + NGINX_PORT + "/" + page.file();
                        Path lua = page.fresh() ? fresh : script;
                        wrk(portalUrl, connections, lua, "2s"); // warm-up: JIT, caches
                        wrk(nginxUrl, connections, lua, "2s");
                        Figures p = wrk(portalUrl, connections, lua, DURATION);
                        Figures n = wrk(nginxUrl, connections, lua, DURATION);
                        assertEquals(0, p.errors(), "portal errors on " + page.path());
                        assertEquals(0, n.errors(), "nginx errors on " + page.file());
                        byConnections.put(connections, new Figures[]{p, n});
                    }
                    results.put(page, byConnections);
                }
            }
        }
        String report = report(sizes, results);
        Path out = Files.createDirectories(Path.of("target", "benchmarks")).resolve("web.md");
        Files.writeString(out, report);
        System.out.println(report);
        assertTrue(Files.size(out) > 0);
    }

    private Figures wrk(String url, int connections, Path script, String duration) throws Exception {
        Process process = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + duration, "--timeout", "10s",
                "-H", "Accept: text/html", "-s", script.toString(), url)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        Matcher m = RESULT.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no result: " + output);
        }
        Map<String, Long> f = new LinkedHashMap<>();
        for (String pair : m.group(1).trim().split(" ")) {
            String[] kv = pair.split("=");
            f.put(kv[0], Long.parseLong(kv[1]));
        }
        long errors = f.get("errors_connect") + f.get("errors_read") + f.get("errors_write") + f.get("errors_status")
                + f.get("errors_timeout");
        return new Figures(f.get("requests"), f.get("duration_us") / 1e6, f.get("bytes"), errors,
                f.get("p50") / 1000.0, f.get("p95") / 1000.0, f.get("p99") / 1000.0);
    }

    private static String report(Map<PageUnderTest, Integer> sizes, Map<PageUnderTest, Map<Integer, Figures[]>> results) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Run of %s (2 cores, Java %s, portal heap %s, wrk -t2 for %s per cell, "
                        + "wrk on the same machine)%n%n",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd, HH:mm")),
                System.getProperty("java.version"), HEAP, DURATION));
        s.append("| page | bytes | connections | side | requests/s | p50 (ms) | p95 (ms) | p99 (ms) | portal ÷ nginx (throughput) |\n");
        s.append("|---|---:|---:|---|---:|---:|---:|---:|---:|\n");
        results.forEach((page, byConnections) -> byConnections.forEach((connections, pair) -> {
            Figures p = pair[0];
            Figures n = pair[1];
            s.append(String.format(Locale.ROOT, "| %s | %,d | %d | portal | %,.0f | %.1f | %.1f | %.1f | %.1f%% |%n",
                    page.name(), sizes.get(page), connections, p.rate(), p.p50(), p.p95(), p.p99(), 100 * p.rate() / n.rate()));
            s.append(String.format(Locale.ROOT, "| | | | nginx | %,.0f | %.1f | %.1f | %.1f | |%n",
                    n.rate(), n.p50(), n.p95(), n.p99()));
        }));
        return s.toString();
    }

    /** nginx in the foreground as a child process, serving one directory of static pages. */
    private static final class Nginx implements AutoCloseable {

        private final Process process;

        private Nginx(Process process) {
            this.process = process;
        }

        static Nginx start(Path work, Path site) throws Exception {
            Path prefix = Files.createDirectories(work.resolve("nginx"));
            Files.createDirectories(prefix.resolve("logs"));
            Path conf = prefix.resolve("nginx.conf");
            Files.writeString(conf, """
                    worker_processes auto;
                    daemon off;
                    pid %1$s/nginx.pid;
                    error_log %1$s/logs/error.log warn;
                    events { worker_connections 1024; }
                    http {
                        access_log off;
                        sendfile on;
                        tcp_nopush on;
                        keepalive_requests 100000;
                        types { text/html html; }
                        charset utf-8;
                        client_body_temp_path %1$s/tmp-body;
                        proxy_temp_path %1$s/tmp-proxy;
                        fastcgi_temp_path %1$s/tmp-fastcgi;
                        uwsgi_temp_path %1$s/tmp-uwsgi;
                        scgi_temp_path %1$s/tmp-scgi;
                        server {
                            listen 127.0.0.1:%2$d;
                            root %3$s;
                        }
                    }
                    """.formatted(prefix, NGINX_PORT, site));
            String binary = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
            Process process = new ProcessBuilder(binary, "-p", prefix.toString(), "-c", conf.toString())
                    .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile()).start();
            Nginx nginx = new Nginx(process);
            nginx.awaitReady();
            return nginx;
        }

        /** Polls (this is set-up) until nginx answers. */
        private void awaitReady() throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("nginx exited with " + process.exitValue());
                }
                try {
                    http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + NGINX_PORT + "/")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    return;
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            throw new IllegalStateException("nginx did not start within 30 s");
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            process.waitFor();
        }
    }
}
