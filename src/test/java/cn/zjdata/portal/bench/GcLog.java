package cn.zjdata.portal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pauses of a JVM's {@code -Xlog:gc} file written with {@link #DECORATIONS}: when each ended (wall clock),
 * what kind it was, and the heap in use before and after it. The heap in use just before a collection is the
 * highest it reached since the previous one, so the largest "before" over a period is the peak heap of that
 * period; the largest "after" bounds what was still referenced (a young collection leaves old garbage in place,
 * so it is an upper bound; a full collection's "after" is exact).
 */
final class GcLog {

    /** The decorations the log must be written with: wall-clock time first. */
    static final String DECORATIONS = "utctime,uptime,level,tags";

    private static final Pattern PAUSE = Pattern.compile(
            "^\\[([^]]+)].*GC\\(\\d+\\) (Pause .*?) (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\) ([\\d.]+)ms");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    record Pause(Instant at, String kind, long before, long after, long committed, double millis) {
        boolean full() {
            return kind.startsWith("Pause Full");
        }
    }

    /** The collections of a period: how many, the peak heap, the highest heap after a collection, time paused. */
    record Summary(int collections, int full, long peakBefore, long maxAfter, double pausedMillis) {
    }

    private final List<Pause> pauses;

    private GcLog(List<Pause> pauses) {
        this.pauses = pauses;
    }

    static GcLog read(Path file) throws IOException {
        List<Pause> pauses = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                pauses.add(new Pause(OffsetDateTime.parse(m.group(1), TIME).toInstant(), m.group(2).strip(),
                        bytes(m.group(3), m.group(4)), bytes(m.group(5), m.group(6)), bytes(m.group(7), m.group(8)),
                        Double.parseDouble(m.group(9))));
            }
        }
        return new GcLog(pauses);
    }

    private static long bytes(String number, String unit) {
        long n = Long.parseLong(number);
        return switch (unit) {
            case "K" -> n << 10;
            case "M" -> n << 20;
            default -> n << 30;
        };
    }

    /** The collections that ended in [from, to). */
    Summary between(Instant from, Instant to) {
        return summarise(pauses.stream().filter(p -> !p.at().isBefore(from) && p.at().isBefore(to)).toList());
    }

    Summary all() {
        return summarise(pauses);
    }

    /** The heap left by the first full collection that ended at or after {@code from}, or -1 when there is none. */
    long afterFirstFullSince(Instant from) {
        return pauses.stream().filter(p -> p.full() && !p.at().isBefore(from)).findFirst().map(Pause::after).orElse(-1L);
    }

    private static Summary summarise(List<Pause> list) {
        return new Summary(list.size(), (int) list.stream().filter(Pause::full).count(),
                list.stream().mapToLong(Pause::before).max().orElse(0),
                list.stream().mapToLong(Pause::after).max().orElse(0),
                list.stream().mapToDouble(Pause::millis).sum());
    }
}
