package cn.zjdata.portal.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@link PublishBenchmark} measured, written as the Markdown of BENCHMARKS.md. */
final class PublishReport {

    /** When a step started and ended, by the wall clock (to split the GC log) and in seconds. */
    record Step(Instant from, Instant to) {
        double seconds() {
            return Duration.between(from, to).toNanos() / 1e9;
        }
    }

    private static final double MB = 1024 * 1024;

    private final int rows;
    private final String heap;
    private final long csvBytes;
    private final String started = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd, HH:mm"));
    private Step upload;
    private long storedBytes;
    private Step publish;
    private Step rdf;
    private Step search;
    private Step dumps;
    private long idTriples;
    private Step count;
    private long quads;
    private long storeBytes;
    private long dumpBytes;
    private GcLog.Summary uploadGc;
    private GcLog.Summary publishGc;
    private GcLog.Summary backgroundGc;
    private GcLog.Summary runGc;
    private long liveAtRest;
    private long liveAfter;
    private final List<String> portalLines = new ArrayList<>();
    private final List<Loaded> loaders = new ArrayList<>();
    private double loaderFixedSeconds;
    private final List<String> loadAverages = new ArrayList<>();
    private final List<String> histogramLines = new ArrayList<>();

    PublishReport(int rows, String heap, long csvBytes) {
        this.rows = rows;
        this.heap = heap;
        this.csvBytes = csvBytes;
    }

    void steps(Step upload, long storedBytes, Step publish, Step rdf, Step search, Step dumps) {
        this.upload = upload;
        this.storedBytes = storedBytes;
        this.publish = publish;
        this.rdf = rdf;
        this.search = search;
        this.dumps = dumps;
    }

    void count(long idTriples, Step count) {
        this.idTriples = idTriples;
        this.count = count;
    }

    void exportedQuads(long quads) {
        this.quads = quads;
    }

    void sizes(long storeBytes, long dumpBytes) {
        this.storeBytes = storeBytes;
        this.dumpBytes = dumpBytes;
    }

    /** @param atRest and {@code afterRun}: just before the benchmark asked for a full collection (jcmd GC.run) */
    void heap(GcLog gc, Instant atRest, Step background, Instant afterRun) {
        uploadGc = gc.between(upload.from(), upload.to());
        publishGc = gc.between(publish.from(), publish.to());
        backgroundGc = gc.between(background.from(), background.to());
        runGc = gc.between(upload.from(), background.to());
        liveAtRest = gc.afterFirstFullSince(atRest);
        liveAfter = gc.afterFirstFullSince(afterRun);
    }

    /** The portal's own log lines about this dataset's upload, publish and projections (with their step durations). */
    void portalLog(String log, String slug) {
        for (String line : log.split("\n")) {
            if (line.contains(slug) && (line.contains("Upload ") || line.contains("Published ")
                    || line.contains("RDF projection applied") || line.contains("Search index applied"))) {
                portalLines.add(line.strip());
            }
        }
    }

    /** One tdbloader run over the dataset's quads, with its GC summary and the size of the database it made. */
    record Loaded(TdbLoader.Load load, GcLog.Summary gc, long databaseBytes) {
    }

    /** The head of the portal's class histogram after the run: what its live heap is made of. */
    void histogram(String histogram) {
        histogram.lines().filter(l -> l.matches("\\s*(num\\s.*|\\d+:\\s+\\d+.*)")).limit(13).forEach(histogramLines::add);
    }

    /** @param seconds the default loader on a file of one quad: JVM start, opening the database, exit */
    void tdbloaderFixedCost(double seconds) {
        loaderFixedSeconds = seconds;
    }

    void tdbloader(TdbLoader.Load load, GcLog.Summary gc, long databaseBytes) {
        loaders.add(new Loaded(load, gc, databaseBytes));
    }

    /** The machine's load average (/proc/loadavg) at a point of the run: the machine is shared. */
    void loadAverage(String when, String loadavg) {
        String[] f = loadavg.split("\\s+");
        loadAverages.add(when + " " + f[0] + " " + f[1] + " " + f[2]);
    }

    String toMarkdown() throws Exception {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Run of %s (%d cores, %s, Java %s; portal and tdbloader -Xmx%s -XX:+UseG1GC; "
                        + "load average (1, 5, 15 min) %s)%n%n", started, Runtime.getRuntime().availableProcessors(),
                memory(), Runtime.version(), heap, String.join(", ", loadAverages)));
        s.append(String.format(Locale.ROOT, "CSV: %,d rows, %,d bytes (%.1f bytes a row); stored canonical file %,d bytes. "
                + "RDF: %,d quads in the dataset's graph (%.1f a row). Portal store after the run: TDB2 %,d bytes, "
                + "dump all.nq.gz %,d bytes.%n%n", rows, csvBytes, (double) csvBytes / rows, storedBytes, quads,
                (double) quads / rows, storeBytes, dumpBytes));
        s.append("| step | seconds | rows/s |\n|---|---:|---:|\n");
        row(s, "(a) upload: POST of the raw CSV until the upload JSON", upload.seconds());
        row(s, "(b) publish: POST of the release until its answer", publish.seconds());
        row(s, "(c) RDF projection: from the publish answer until SPARQL sees the last row", rdf.seconds());
        row(s, "(d) search index: from the publish answer until a search for a word of the rows finds the dataset", search.seconds());
        row(s, "(c') dumps: from the publish answer until /dumps/all.nq.gz is rewritten", dumps.seconds());
        row(s, "upload start to the last of (c), (d), (c')", Duration.between(upload.from(),
                max(max(rdf.to(), search.to()), dumps.to())).toNanos() / 1e9);
        s.append(String.format(Locale.ROOT, "%nA SPARQL COUNT of the %,d id triples took %.1f s after the run.%n",
                idTriples, count.seconds()));
        s.append(String.format(Locale.ROOT, "%nThe limit of (c): tdb2.tdbloader loading the same %,d quads into a new TDB2 "
                + "database, in its own JVM (-Xmx%s, exits on OutOfMemoryError), timed from the JVM's start to its exit; "
                + "the default loader on a file of one quad took %.1f s (the fixed cost).%n%n", quads, heap, loaderFixedSeconds));
        s.append("| loader | result | seconds | quads/s | rows/s | (c) ÷ loader, in time | GCs (full) | peak heap (MB) | "
                + "database on disk (bytes) | the loader's own summary |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Loaded l : loaders) {
            TdbLoader.Load load = l.load();
            s.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %s | %s | %s | %d (%d) | %.0f | %,d | %s |%n", load.loader(),
                    load.succeeded() ? "loaded" : load.exit() == -1 ? "stopped at the time limit" : "failed, exit " + load.exit(),
                    load.seconds(), load.succeeded() ? String.format(Locale.ROOT, "%,.0f", quads / load.seconds()) : "–",
                    load.succeeded() ? String.format(Locale.ROOT, "%,.0f", rows / load.seconds()) : "–",
                    load.succeeded() ? String.format(Locale.ROOT, "%.2f", rdf.seconds() / load.seconds()) : "–",
                    l.gc().collections(), l.gc().full(), l.gc().peakBefore() / MB, l.databaseBytes(),
                    String.join("; ", load.summary()).replace("|", "/")));
        }
        s.append(String.format(Locale.ROOT, "%nThe portal's projection (c): %.1f s, %,.0f quads/s.%n", rdf.seconds(),
                quads / rdf.seconds()));
        s.append("\nThe portal's log for these steps (durations it measured itself):\n\n```\n");
        portalLines.forEach(l -> s.append(l).append('\n'));
        s.append("```\n\nHeap (from the GC logs: peak = the most in use just before a collection; after = the most still in use "
                + "just after one, an upper bound of what is live):\n\n");
        s.append("| process, period | collections (full) | peak heap (MB) | highest after a collection (MB) | paused (ms) |\n");
        s.append("|---|---:|---:|---:|---:|\n");
        gcRow(s, "portal, (a) upload", uploadGc);
        gcRow(s, "portal, (b) publish", publishGc);
        gcRow(s, "portal, background (c), (d), (c')", backgroundGc);
        gcRow(s, "portal, whole run (a) to (c')", runGc);
        s.append(String.format(Locale.ROOT, "%nPortal live heap after a full collection (jcmd GC.run): %.1f MB at rest before the "
                + "upload, %.1f MB after the run.%n", liveAtRest / MB, liveAfter / MB));
        s.append("\nThe portal's class histogram after the run (jcmd GC.class_histogram, the largest classes):\n\n```\n");
        histogramLines.forEach(l -> s.append(l).append('\n'));
        s.append("```\n");
        return s.toString();
    }

    private void row(StringBuilder s, String name, double seconds) {
        s.append(String.format(Locale.ROOT, "| %s | %.1f | %,.0f |%n", name, seconds, rows / seconds));
    }

    private static void gcRow(StringBuilder s, String name, GcLog.Summary g) {
        s.append(String.format(Locale.ROOT, "| %s | %d (%d) | %.0f | %.0f | %.0f |%n", name, g.collections(), g.full(),
                g.peakBefore() / MB, g.maxAfter() / MB, g.pausedMillis()));
    }

    private static String memory() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            Matcher m = Pattern.compile("MemTotal:\\s+(\\d+) kB").matcher(line);
            if (m.find()) {
                return String.format(Locale.ROOT, "%.0f GiB", Long.parseLong(m.group(1)) / 1024.0 / 1024.0);
            }
        }
        return "? GiB";
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
