package cn.zjdata.portal.seed;

import cn.zjdata.portal.publishing.CsvwMetadata;
import cn.zjdata.portal.support.SharedFiles;
import cn.zjdata.portal.tabular.Column;
import cn.zjdata.portal.tabular.InvalidCellException;
import cn.zjdata.portal.tabular.TableSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The seed catalog in {@code datasets/} as a reviewer would check it: every row matches its schema, every
 * figure names its source document and section, its quote is in that document, the printed value is in the
 * quote, and the normalised value is the printed number converted to the canonical unit.
 */
class SeedCatalogDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path datasets;
    private static JsonNode catalog;
    private static Map<String, String> seedTexts;
    private static Map<String, Table> tables;

    /** A dataset of the seed catalog, read. */
    record Table(String id, JsonNode metadata, TableSchema schema, List<String> header, List<Map<String, String>> rows) {
        List<String> column(String name) {
            return rows.stream().map(r -> r.get(name)).toList();
        }
    }

    @BeforeAll
    static void readCatalog() throws IOException {
        datasets = SharedFiles.datasets();
        catalog = JSON.readTree(datasets.resolve("catalog.json").toFile());
        seedTexts = new HashMap<>();
        for (JsonNode doc : catalog.path("documents")) {
            String text = Files.readString(SharedFiles.seeds().resolve(doc.path("seedFile").asText()), StandardCharsets.UTF_8);
            seedTexts.put(doc.path("id").asText(), squash(text));
        }
        tables = new LinkedHashMap<>();
        try (Stream<Path> dirs = Files.list(datasets)) {
            for (Path dir : dirs.filter(d -> Files.exists(d.resolve("csv-metadata.json"))).sorted().toList()) {
                JsonNode metadata = JSON.readTree(dir.resolve("csv-metadata.json").toFile());
                CsvwMetadata.Parsed parsed = CsvwMetadata.read(metadata);
                assertTrue(parsed.errors().isEmpty(), dir + ": " + parsed.errors());
                Path csv = dir.resolve(metadata.path("url").asText());
                List<String> header = new ArrayList<>();
                List<Map<String, String>> rows = new ArrayList<>();
                byte[] bytes = Files.readAllBytes(csv);
                assertFalse(bytes.length >= 3 && bytes[0] == (byte) 0xEF, csv + " starts with a byte-order mark");
                try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                     CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
                    for (CSVRecord record : parser) {
                        if (header.isEmpty()) {
                            record.forEach(header::add);
                            continue;
                        }
                        Map<String, String> row = new LinkedHashMap<>();
                        for (int i = 0; i < header.size(); i++) {
                            row.put(header.get(i), i < record.size() ? record.get(i) : null);
                        }
                        row.put("#size", String.valueOf(record.size()));
                        rows.add(row);
                    }
                }
                String id = dir.getFileName().toString();
                tables.put(id, new Table(id, metadata, parsed.metadata().schema(), header, rows));
            }
        }
    }

    @Test
    void theCatalogHoldsTheDatasetsTheIssueAsksFor() {
        assertTrue(tables.keySet().containsAll(List.of("indicators", "doubling-plan-indicators",
                "fourteenth-five-year-plan-indicators", "progress-2018", "no1-project-upgrade-2022",
                "deepen-digital-zhejiang-2022-targets", "doubling-plan-task-targets", "responsible-departments",
                "city-digital-economy-roles")), tables.keySet().toString());
    }

    @TestFactory
    Stream<DynamicTest> everyDatasetHasBilingualMetadataAndMatchesItsSchema() {
        return tables.values().stream().map(table -> DynamicTest.dynamicTest(table.id(), () -> {
            JsonNode m = table.metadata();
            assertEquals(table.id(), m.path("dc:identifier").asText(), "identifier equals the folder name");
            for (String property : List.of("dc:title", "dc:description")) {
                Set<String> languages = new HashSet<>();
                m.path(property).forEach(v -> {
                    languages.add(v.path("@language").asText());
                    assertFalse(v.path("@value").asText().isBlank(), property + " is blank");
                });
                assertTrue(languages.containsAll(List.of("zh", "en")), table.id() + " " + property + " in zh and en");
            }
            for (String property : List.of("dc:publisher", "dcat:theme", "dcat:keyword", "dc:temporal", "dc:spatial",
                    "dc:license", "dc:accrualPeriodicity", "dc:source")) {
                assertFalse(m.path(property).isMissingNode(), table.id() + " lacks " + property);
            }
            assertEquals(table.schema().names(), table.header(), table.id() + ": the header is the schema's columns in order");
            assertFalse(table.rows().isEmpty(), table.id() + " has rows");
            List<String> problems = new ArrayList<>();
            for (int r = 0; r < table.rows().size(); r++) {
                Map<String, String> row = table.rows().get(r);
                if (Integer.parseInt(row.get("#size")) != table.header().size()) {
                    problems.add("row " + (r + 2) + " has " + row.get("#size") + " cells");
                }
                for (Column column : table.schema().columns()) {
                    try {
                        column.parse(row.get(column.name()));
                    } catch (InvalidCellException e) {
                        problems.add("row " + (r + 2) + ", column " + column.name() + ": " + e.getMessage());
                    }
                }
            }
            assertTrue(problems.isEmpty(), table.id() + ": " + problems);
            assertPrimaryKeyUnique(table);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyRowQuotesItsSourceDocument() {
        return tables.values().stream()
                .filter(t -> t.header().contains("quote"))
                .map(table -> DynamicTest.dynamicTest(table.id(), () -> {
                    List<String> problems = new ArrayList<>();
                    for (int r = 0; r < table.rows().size(); r++) {
                        Map<String, String> row = table.rows().get(r);
                        String where = table.id() + " row " + (r + 2);
                        String seed = seedTexts.get(row.get("source"));
                        if (seed == null) {
                            problems.add(where + ": source '" + row.get("source") + "' is not a document of catalog.json");
                            continue;
                        }
                        if (row.get("section") == null || row.get("section").isBlank()) {
                            problems.add(where + ": no section");
                        }
                        if (row.get("quote") == null || !seed.contains(squash(row.get("quote")))) {
                            problems.add(where + ": the quote is not in " + row.get("source") + ": " + row.get("quote"));
                        }
                    }
                    assertTrue(problems.isEmpty(), String.join("\n", problems));
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyFigureIsThePrintedNumberInItsCanonicalUnit() {
        return tables.values().stream()
                .filter(t -> t.header().contains("value_as_printed"))
                .map(table -> DynamicTest.dynamicTest(table.id(), () -> {
                    List<String> problems = new ArrayList<>();
                    for (int r = 0; r < table.rows().size(); r++) {
                        String problem = checkFigure(table.rows().get(r));
                        if (problem != null) {
                            problems.add(table.id() + " row " + (r + 2) + ": " + problem);
                        }
                    }
                    assertTrue(problems.isEmpty(), String.join("\n", problems));
                }));
    }

    private static String checkFigure(Map<String, String> row) {
        String printed = row.get("value_as_printed");
        if (printed == null || printed.isBlank()) {
            return "no value as printed";
        }
        if (!squash(row.get("quote")).contains(squash(printed))) {
            return "'" + printed + "' is not in the quote";
        }
        JsonNode unit = unit(row.get("unit"));
        if (unit == null) {
            return "unknown unit " + row.get("unit");
        }
        JsonNode printedUnit = row.get("printed_unit") == null || row.get("printed_unit").isEmpty()
                ? unit : unitBySymbol(row.get("printed_unit"), unit.path("base").asText());
        if (printedUnit == null) {
            return "printed unit '" + row.get("printed_unit") + "' does not convert to " + row.get("unit");
        }
        List<BigDecimal> numbers = PrintedNumber.numbers(printed);
        if (numbers.isEmpty()) {
            return "no number in '" + printed + "'";
        }
        BigDecimal factor = new BigDecimal(printedUnit.path("factor").asText())
                .divide(new BigDecimal(unit.path("factor").asText()));
        BigDecimal expected = numbers.getFirst().multiply(factor);
        if (expected.compareTo(new BigDecimal(row.get("value"))) != 0) {
            return "value " + row.get("value") + " is not " + printed + " in " + row.get("unit") + " (" + expected.toPlainString() + ")";
        }
        String max = row.get("value_max");
        if (max != null && !max.isEmpty()
                && (numbers.size() < 2 || numbers.get(1).multiply(factor).compareTo(new BigDecimal(max)) != 0)) {
            return "value_max " + max + " is not the second number of " + printed;
        }
        return null;
    }

    @Test
    void theDoublingPlanTableHasAll24IndicatorsWithBaselineAndBothTargets() {
        Table table = tables.get("doubling-plan-indicators");
        Map<String, Set<String>> figures = new HashMap<>();
        table.rows().stream()
                .filter(r -> r.get("section").endsWith("全省数字经济发展主要指标"))
                .forEach(r -> figures.computeIfAbsent(r.get("indicator"), k -> new HashSet<>()).add(r.get("kind") + " " + r.get("period")));
        assertEquals(24, figures.size(), figures.keySet().toString());
        figures.forEach((indicator, kinds) ->
                assertEquals(Set.of("baseline 2017", "target 2020", "target 2022"), kinds, indicator));
        long comparators = table.rows().stream().filter(r -> "≥".equals(r.get("comparator"))).count();
        assertTrue(comparators >= 6, "the table's ≥ targets keep their comparator");
    }

    @Test
    void observationsReferToTheRegistryInItsCanonicalUnitAndEverySeriesIsObserved() {
        Map<String, String> units = new HashMap<>();
        tables.get("indicators").rows().forEach(r -> units.put(r.get("code"), r.get("unit")));
        Set<String> observed = new HashSet<>();
        List<String> problems = new ArrayList<>();
        tables.values().stream().filter(t -> "observations".equals(t.metadata().path("dc:conformsTo").asText()))
                .forEach(t -> t.rows().forEach(r -> {
                    observed.add(r.get("indicator"));
                    if (!r.get("unit").equals(units.get(r.get("indicator")))) {
                        problems.add(t.id() + ": " + r.get("indicator") + " in " + r.get("unit"));
                    }
                    if ("target".equals(r.get("kind")) && r.get("plan").isEmpty()) {
                        problems.add(t.id() + ": target of " + r.get("indicator") + " " + r.get("period") + " names no plan");
                    }
                }));
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals(units.keySet(), observed, "every registry series has at least one figure");
    }

    @Test
    void oneSeriesCarriesTheValueAddedUnderBothOfItsNames() {
        Set<String> names = new HashSet<>();
        Set<String> sources = new HashSet<>();
        tables.values().stream().filter(t -> "observations".equals(t.metadata().path("dc:conformsTo").asText()))
                .flatMap(t -> t.rows().stream())
                .filter(r -> r.get("indicator").equals("digital-economy-value-added"))
                .forEach(r -> {
                    names.add(r.get("indicator_name"));
                    sources.add(r.get("source"));
                });
        assertTrue(names.containsAll(Set.of("数字经济增加值", "数字经济总量")), names.toString());
        assertTrue(sources.size() >= 4, "named in the plan, the 14th FYP, the 2018 article and the 2022 report: " + sources);
    }

    @Test
    void theEvidentMisprintIsPublishedAsPrintedWithAQualityNote() {
        Map<String, String> row = tables.get("progress-2018").rows().stream()
                .filter(r -> r.get("indicator").equals("industrial-digitalisation-value-added"))
                .findFirst().orElseThrow();
        assertEquals("1.81亿元", row.get("value_as_printed"));
        assertEquals(0, new BigDecimal("1.81").compareTo(new BigDecimal(row.get("value"))), "not silently corrected");
        assertFalse(row.get("quality_note").isBlank());
    }

    @Test
    void taskTargetsNameKnownDepartmentsAndTheOpenDataTarget() {
        Set<String> departments = new HashSet<>(tables.get("responsible-departments").column("id"));
        Table targets = tables.get("doubling-plan-task-targets");
        for (Map<String, String> row : targets.rows()) {
            for (String unit : row.get("responsible_units").split(";")) {
                assertTrue(unit.isEmpty() || departments.contains(unit), "unknown department " + unit);
            }
        }
        assertTrue(targets.rows().stream().anyMatch(r -> r.get("value_as_printed").equals("500个以上")
                && r.get("target_zh").contains("政府数据集")), "开放500个以上政府数据集");
        assertTrue(targets.rows().stream().anyMatch(r -> r.get("value_as_printed").equals("15万台")),
                "在役工业机器人数量达到15万台");
    }

    @Test
    void elevenCitiesHaveTheirRoles() {
        Table cities = tables.get("city-digital-economy-roles");
        assertEquals(11, cities.rows().size());
        cities.rows().forEach(r -> {
            assertNotNull(r.get("role_zh"));
            assertFalse(r.get("role_en").isBlank(), r.get("name_zh"));
        });
    }

    private static void assertPrimaryKeyUnique(Table table) {
        List<String> key = table.schema().primaryKey();
        if (key.isEmpty()) {
            return;
        }
        Set<List<String>> seen = new HashSet<>();
        for (Map<String, String> row : table.rows()) {
            List<String> value = key.stream().map(row::get).toList();
            if (!seen.add(value)) {
                fail(table.id() + ": the primary key " + value + " appears twice");
            }
        }
    }

    private static JsonNode unit(String id) {
        for (JsonNode unit : catalog.path("units")) {
            if (unit.path("id").asText().equals(id)) {
                return unit;
            }
        }
        return null;
    }

    /** The unit printed as {@code symbol} among those convertible to {@code base}. */
    private static JsonNode unitBySymbol(String symbol, String base) {
        for (JsonNode unit : catalog.path("units")) {
            boolean named = unit.path("symbol").asText().equals(symbol);
            for (JsonNode alias : unit.path("aliases")) {
                named |= alias.asText().equals(symbol);
            }
            if (named && unit.path("base").asText().equals(base)) {
                return unit;
            }
        }
        return null;
    }

    private static String squash(String text) {
        return text == null ? "" : text.replaceAll("\\s+", "");
    }
}
