package cn.zjdata.portal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Expectations read from the seed catalog in {@code datasets/}, independently of the code under test:
 * which seed datasets mention a text in their data, and which in their data or metadata.
 */
final class SeedFiles {

    private static final Path SEED = Path.of("datasets");

    private SeedFiles() {
    }

    /** Seed datasets whose CSV contains the text (case-insensitive). */
    static Set<String> dataContaining(String text) {
        return matching(text, false);
    }

    /** Seed datasets whose CSV or csv-metadata.json contains the text (case-insensitive). */
    static Set<String> anyFileContaining(String text) {
        return matching(text, true);
    }

    private static Set<String> matching(String text, boolean metadataToo) {
        Set<String> found = new TreeSet<>();
        String needle = text.toLowerCase(Locale.ROOT);
        try (Stream<Path> dirs = Files.list(SEED)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String slug = dir.getFileName().toString();
                String data = Files.readString(dir.resolve(slug + ".csv"), StandardCharsets.UTF_8);
                String metadata = Files.readString(dir.resolve("csv-metadata.json"), StandardCharsets.UTF_8);
                if (data.toLowerCase(Locale.ROOT).contains(needle)
                        || (metadataToo && metadata.toLowerCase(Locale.ROOT).contains(needle))) {
                    found.add(slug);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Codes of seed indicators (datasets/indicators/indicators.csv) whose Chinese or English name contains the text. */
    static Set<String> indicatorsNamed(String text) {
        Set<String> codes = new TreeSet<>();
        try (var reader = Files.newBufferedReader(SEED.resolve("indicators/indicators.csv"), StandardCharsets.UTF_8);
             var parser = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (var record : parser) {
                if (record.get("name_zh").contains(text)
                        || record.get("name_en").toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))) {
                    codes.add(record.get("code"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return codes;
    }
}
