package cn.zjdata.portal.support;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The public pages of the portal, as the web tests visit them, with the seed catalog's things they show
 * (from {@code datasets/}), and what the seed files say those pages must carry.
 */
public final class PortalPages {

    /** A seed dataset with observations (and the one a search for 机器人 finds). */
    public static final String DATASET = "doubling-plan-indicators";
    /** A seed indicator with figures in two seed tables. */
    public static final String INDICATOR = "industrial-robots-in-service";
    /** The seed catalog's publisher (datasets/catalog.json). */
    public static final String PUBLISHER = "digital-economy-office";
    /** A search that finds {@link #DATASET} (its indicator 在役工业机器人数量). */
    public static final String SEARCH = "机器人";
    /** A theme of the seed datasets (the EU data-theme code). */
    public static final String THEME = "TECH";

    private PortalPages() {
    }

    /** Every public HTML page: the fixed pages and one of each kind of page about a thing. */
    public static List<String> all() {
        return List.of("/", "/datasets", "/datasets?q=" + SEARCH, "/indicators", "/indicators/" + INDICATOR,
                "/datasets/" + DATASET, "/publishers",
                "/publishers/" + PUBLISHER, "/themes", "/themes/" + THEME, "/developers", "/about", "/sparql",
                "/doc/dataset/" + DATASET, "/changes");
    }

    /** A page's path with the language asked for in its query. */
    public static String inLanguage(String path, String lang) {
        return path + (path.contains("?") ? "&" : "?") + "lang=" + lang;
    }

    /** A seed table's file: datasets/{id}/{id}.csv. */
    public static Path seedCsv(String dataset) {
        return SharedFiles.datasets().resolve(dataset).resolve(dataset + ".csv");
    }

    /** The header row of a seed table, as written in its file. */
    public static String seedHeader(String dataset) {
        try (Stream<String> lines = Files.lines(seedCsv(dataset), StandardCharsets.UTF_8)) {
            return lines.findFirst().orElseThrow().replace("\uFEFF", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The figures (with a value) the seed observation tables hold for an indicator: every row, in any seed
     * table with indicator, kind and value columns, that names it.
     */
    public static List<CSVRecord> seedFigures(String indicator) {
        List<CSVRecord> figures = new ArrayList<>();
        try (Stream<Path> folders = Files.list(SharedFiles.datasets())) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                Path csv = folder.resolve(folder.getFileName() + ".csv");
                if (!Files.exists(csv)) {
                    continue;
                }
                try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
                    List<String> header = parser.getHeaderNames();
                    if (!header.containsAll(List.of("indicator", "kind", "value"))) {
                        continue;
                    }
                    for (CSVRecord row : parser) {
                        if (row.get("indicator").equals(indicator) && !row.get("value").isBlank()) {
                            figures.add(row);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return figures;
    }
}
