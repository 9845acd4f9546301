package cn.zjdata.portal.bench;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Apache Jena's bulk loader, {@code tdb2.tdbloader} (jena-cmds, the portal's Jena version, put on the test
 * class path by the benchmark profile), in a JVM of its own: it loads a file into a new TDB2 database.
 * The JVM exits on an OutOfMemoryError ({@code -XX:+ExitOnOutOfMemoryError}): the phased and parallel loaders
 * otherwise wait for ever on a worker thread that died of it. Its log goes to SLF4J's simple logger.
 */
final class TdbLoader {

    private static final Duration LIMIT = Duration.ofMinutes(20);

    private TdbLoader() {
    }

    /**
     * One run of the loader.
     *
     * @param exit      the JVM's exit code (-1 when it was stopped at the time limit)
     * @param seconds   from the JVM's start to its exit
     * @param summary   the loader's own closing lines (its timings), or the error that ended it
     */
    record Load(String loader, int exit, double seconds, Path database, Path gcLog, List<String> summary) {
        boolean succeeded() {
            return exit == 0;
        }
    }

    /**
     * Loads {@code data} into a new database {@code <workDir>/<name>-db} with the loader named (phased, tdbloader's
     * default, when null), logging to {@code <name>.log} and {@code <name>-gc.log}.
     */
    static Load load(Path workDir, String name, String loader, Path data, String heap) throws Exception {
        Path database = workDir.resolve(name + "-db");
        if (Files.exists(database)) {
            throw new IllegalStateException(database + " exists: tdbloader is timed into a new database");
        }
        Path gcLog = workDir.resolve(name + "-gc.log").toAbsolutePath();
        Path log = workDir.resolve(name + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError",
                "-Xlog:gc:file=" + gcLog + ":" + GcLog.DECORATIONS,
                "-cp", classPath(), "tdb2.tdbloader", "--loc=" + database.toAbsolutePath()));
        if (loader != null) {
            command.add("--loader=" + loader);
        }
        command.add(data.toAbsolutePath().toString());
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit;
        if (process.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            exit = process.exitValue();
        } else {
            process.destroy();
            process.waitFor();
            exit = -1;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        String folder = data.toAbsolutePath().getParent() + File.separator;
        List<String> summary = lines.stream().filter(l -> l.contains("Time =") || l.contains("Finished")
                        || l.contains("OutOfMemoryError") || l.contains("Exception"))
                .map(l -> l.replaceFirst("^\\[[^]]*] INFO \\S+ - ", "").replace(folder, "").strip())
                .distinct().limit(12).toList();
        if (exit == -1) {
            summary = new ArrayList<>(summary);
            summary.add("stopped: not finished within " + LIMIT.toMinutes() + " minutes");
        }
        return new Load(loader == null ? "phased (default)" : loader, exit, seconds, database, gcLog, summary);
    }

    /**
     * The test class path (jena-cmds and its dependencies) with SLF4J sent to its simple logger instead of the
     * JBoss log manager, which logs nothing outside Quarkus.
     */
    private static String classPath() {
        List<String> entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("slf4j-jboss-logmanager")).collect(Collectors.toCollection(ArrayList::new));
        Path simple = Path.of("target", "benchmark", "slf4j-simple.jar").toAbsolutePath();
        if (entries.stream().noneMatch(entry -> entry.contains("jena-cmds")) || !Files.exists(simple)) {
            throw new IllegalStateException("jena-cmds or " + simple + " is missing: run with -Pbenchmark");
        }
        entries.addFirst(simple.toString());
        return String.join(File.pathSeparator, entries);
    }
}
