package cn.zjdata.portal.publishing;

import cn.zjdata.portal.catalog.DatasetMetadata;
import cn.zjdata.portal.catalog.DatasetRepository;
import cn.zjdata.portal.catalog.ReleaseRepository;
import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.common.PortalConfig;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.indicators.IndicatorRepository;
import cn.zjdata.portal.support.PausingProcessor;
import cn.zjdata.portal.support.SyntheticDatasets;
import cn.zjdata.portal.tabular.Column;
import cn.zjdata.portal.tabular.Datatype;
import cn.zjdata.portal.tabular.TableSchema;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@Tag("database")
class PublishingServiceTest {

    @Inject
    PublishingService publishing;
    @Inject
    SyntheticDatasets synthetic;
    @Inject
    DatasetRepository datasets;
    @Inject
    ReleaseRepository releases;
    @Inject
    IndicatorRepository indicators;
    @Inject
    PortalConfig config;
    @Inject
    PausingProcessor pausing;

    private static final List<Column> COLUMNS = List.of(
            SyntheticDatasets.column("年份", Datatype.YEAR, true),
            SyntheticDatasets.column("数值", Datatype.DECIMAL, false));

    @Test
    void eachPublishAddsTheNextReleaseWithAnAuditEntryAndAnOutboxEvent() {
        String slug = SyntheticDatasets.newSlug("publish");
        PublishResult first = synthetic.publish(SyntheticDatasets.metadata(slug, COLUMNS), "年份,数值\n2020,1.5\n");
        PublishResult second = synthetic.publish(SyntheticDatasets.metadata(slug, COLUMNS), "年份,数值\n2020,1.5\n2021,2\n");
        assertTrue(first.createdDataset());
        assertFalse(second.createdDataset());
        assertEquals(1, first.releaseNumber());
        assertEquals(2, second.releaseNumber());
        assertEquals(2, second.rowCount());
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(2, AuditEntry.count("targetId = ?1 and action = 'publish'", slug));
            assertEquals(2, OutboxEvent.count("datasetSlug = ?1 and topic = ?2", slug, OutboxEvent.RELEASE_PUBLISHED));
        });
    }

    @Test
    void anInvalidTableIsRefusedCellByCellAndNothingIsStored() throws IOException {
        String slug = SyntheticDatasets.newSlug("invalid");
        long storedFiles = storedFiles();
        ProblemException e = assertThrows(ProblemException.class, () ->
                synthetic.publish(SyntheticDatasets.metadata(slug, COLUMNS), "年份,数值\n2020,1\n二〇二一,abc\n"));
        assertEquals(422, e.status());
        assertEquals(List.of("row 3, column 年份", "row 3, column 数值"), e.errors().stream().map(FieldError::field).toList());
        assertTrue(datasets.findBySlug(slug).isEmpty(), "no dataset created");
        assertEquals(storedFiles, storedFiles(), "no file kept");
        assertEquals(0, stagingLeftovers());
    }

    @Test
    void aFailedPublishLeavesThePreviousReleaseAsItWas() {
        String slug = SyntheticDatasets.newSlug("keep");
        synthetic.publish(SyntheticDatasets.metadata(slug, COLUMNS), "年份,数值\n2020,1\n");
        long id = datasets.findBySlug(slug).orElseThrow().id;
        assertThrows(ProblemException.class, () -> synthetic.publish(SyntheticDatasets.metadata(slug, COLUMNS), "年份\n2020\n"));
        assertEquals(1, releases.lastNumber(id));
    }

    @Test
    void invalidMetadataIsRefusedFieldByField() {
        DatasetMetadata bad = new DatasetMetadata("Not A Slug!", LocalizedText.of(" ", "t"), LocalizedText.of(null, "d"),
                "no-such-publisher", List.of("http://example.org/theme"), List.of(), "2022", "2017", "nowhere",
                "http://example.org/licence", null, List.of("no-such-doc"), "no-such-profile",
                new TableSchema(List.of(SyntheticDatasets.column("a", Datatype.STRING, true),
                        SyntheticDatasets.column("a", Datatype.STRING, true)), List.of("b")));
        ProblemException e = assertThrows(ProblemException.class, () -> synthetic.publish(bad, "a,a\nx,y\n"));
        assertEquals(422, e.status());
        List<String> fields = e.errors().stream().map(FieldError::field).toList();
        assertTrue(fields.containsAll(List.of("identifier", "title.zh", "description.zh", "publisher", "themes[0]",
                "license", "accrualPeriodicity", "spatial", "sources[0]", "temporal", "profile",
                "schema.columns[1].name", "schema.primaryKey")), fields.toString());
    }

    @Test
    void aPublishBasedOnAStaleVersionIsAConflict() {
        String slug = SyntheticDatasets.newSlug("stale");
        DatasetMetadata metadata = SyntheticDatasets.metadata(slug, COLUMNS);
        synthetic.publish(metadata, "年份,数值\n2020,1\n");
        long seen = datasets.findBySlug(slug).orElseThrow().version;
        synthetic.publish(metadata, "年份,数值\n2020,2\n");
        Path file = SyntheticDatasets.write("年份,数值\n2020,3\n");
        try {
            ProblemException e = assertThrows(ProblemException.class, () -> publishing.publish(
                    new PublishRequest(metadata, file, "based on an old version", "test", "upload", seen, null)));
            assertEquals(409, e.status());
        } finally {
            SyntheticDatasets.delete(file);
        }
    }

    @Test
    void ofTwoPublishesOfOneDatasetAtOnceTheLaterGetsAConflictAndStoresNothing() throws Exception {
        String slug = SyntheticDatasets.newSlug("concurrent");
        DatasetMetadata m = SyntheticDatasets.metadata(slug, COLUMNS);
        DatasetMetadata metadata = new DatasetMetadata(m.identifier(), m.title(), m.description(), m.publisher(),
                m.themes(), m.keywords(), m.temporalStart(), m.temporalEnd(), m.spatial(), m.license(),
                m.accrualPeriodicity(), m.sources(), "task-targets", m.schema());
        synthetic.publish(metadata, "年份,数值\n2020,1\n");
        long seen = datasets.findBySlug(slug).orElseThrow().version;
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            pausing.arm(slug);
            Future<PublishResult> first = executor.submit(() -> publishBasedOn(metadata, seen, "年份,数值\n2020,2\n"));
            pausing.awaitEntered();
            Future<PublishResult> second = executor.submit(() -> publishBasedOn(metadata, seen, "年份,数值\n2020,3\n"));
            pausing.release();
            assertEquals(2, first.get(60, TimeUnit.SECONDS).releaseNumber());
            ExecutionException failure = assertThrows(ExecutionException.class, () -> second.get(60, TimeUnit.SECONDS));
            ProblemException problem = assertInstanceOf(ProblemException.class, failure.getCause());
            assertEquals(409, problem.status());
        } finally {
            executor.shutdownNow();
        }
        long id = datasets.findBySlug(slug).orElseThrow().id;
        assertEquals(2, releases.lastNumber(id), "the conflicting publish stored no release");
    }

    private PublishResult publishBasedOn(DatasetMetadata metadata, long version, String csv) {
        Path file = SyntheticDatasets.write(csv);
        try {
            return publishing.publish(new PublishRequest(metadata, file, "concurrent", "test", "upload", version, null));
        } finally {
            SyntheticDatasets.delete(file);
        }
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws IOException {
        String slug = SyntheticDatasets.newSlug("encoding");
        Path file = Files.createTempFile("gbk", ".csv");
        Files.write(file, "年份,数值\n2020,1\n".getBytes("GBK"));
        try {
            ProblemException e = assertThrows(ProblemException.class, () -> publishing.publish(new PublishRequest(
                    SyntheticDatasets.metadata(slug, COLUMNS), file, "gbk", "test", "upload", null, null)));
            assertEquals(422, e.status());
            assertTrue(e.getMessage().contains("UTF-8"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aChangeNoteIsRequired() {
        Path file = SyntheticDatasets.write("年份,数值\n2020,1\n");
        try {
            ProblemException e = assertThrows(ProblemException.class, () -> publishing.publish(new PublishRequest(
                    SyntheticDatasets.metadata(SyntheticDatasets.newSlug("note"), COLUMNS), file, " ", "test", "upload", null, null)));
            assertEquals("changeNote", e.errors().getFirst().field());
        } finally {
            SyntheticDatasets.delete(file);
        }
    }

    @Test
    void observationsFollowTheirRegistryAndABadReleaseKeepsTheOldOnes() {
        String code = SyntheticDatasets.newSlug("synthetic-indicator");
        DatasetMetadata registry = profiled(SyntheticDatasets.newSlug("registry"), "indicators", List.of(
                "code", "name_zh", "name_en", "aliases", "category", "unit", "direction", "definition_zh", "definition_en"));
        synthetic.publish(registry, "code,name_zh,name_en,aliases,category,unit,direction,definition_zh,definition_en\n"
                + code + ",合成指标,Synthetic indicator,,overall-scale,percent,increase,测试用,for tests\n");

        List<String> columns = List.of("indicator", "indicator_name", "period", "kind", "comparator", "value", "unit",
                "value_as_printed", "printed_unit", "plan", "source", "section", "quote");
        DatasetMetadata observations = profiled(SyntheticDatasets.newSlug("observations"), "observations", columns);
        String header = String.join(",", columns) + "\n";
        synthetic.publish(observations, header
                + code + ",合成指标,2020,actual,=,40,percent,40%,%,,zzbf-2018-91,测试,合成数据\n"
                + code + ",合成指标,2022,target,≥,50,percent,50%以上,%,doubling-plan,zzbf-2018-91,测试,合成数据\n");
        assertEquals(2, indicators.observationCount(code));

        ProblemException e = assertThrows(ProblemException.class, () -> synthetic.publish(observations, header
                + "no-such-indicator,合成指标,2020,actual,=,40,percent,40%,%,,zzbf-2018-91,测试,合成数据\n"
                + code + ",合成指标,2021,actual,=,45,100m-yuan,45,亿元,,zzbf-2018-91,测试,合成数据\n"
                + code + ",合成指标,2022,target,≥,50,percent,50%以上,%,,zzbf-2018-91,测试,合成数据\n"));
        assertEquals(List.of("row 2, column indicator", "row 3, column unit", "row 4, column plan"),
                e.errors().stream().map(FieldError::field).toList());
        assertEquals(2, indicators.observationCount(code), "the previous release's observations stay");

        ProblemException removal = assertThrows(ProblemException.class, () -> synthetic.publish(registry,
                "code,name_zh,name_en,aliases,category,unit,direction,definition_zh,definition_en\n"));
        assertEquals(422, removal.status(), "an observed indicator cannot be removed (and a header-only table is refused)");
    }

    @Test
    void observationRowsWithEmptyOrOutOfRangeCellsAreRefusedCellByCell() {
        List<String> columns = List.of("indicator", "indicator_name", "period", "kind", "comparator", "value", "unit",
                "value_as_printed", "printed_unit", "plan", "source", "section", "quote");
        DatasetMetadata observations = profiled(SyntheticDatasets.newSlug("empty-cells"), "observations", columns);
        String header = String.join(",", columns) + "\n";
        ProblemException e = assertThrows(ProblemException.class, () -> synthetic.publish(observations, header
                + "digital-economy-value-added,数字经济增加值,2020,actual,=,,100m-yuan,1,亿元,,zzbf-2018-91,测试,\n"
                + "digital-economy-value-added,数字经济增加值,2020,actual,=,1" + "0".repeat(30) + ",100m-yuan,1,亿元,,zzbf-2018-91,测试,合成\n"
                + "digital-economy-value-added,数字经济增加值,20200,actual,=,1,100m-yuan,1,亿元,,zzbf-2018-91,测试,合成\n"));
        assertEquals(422, e.status());
        assertEquals(List.of("row 2, column value", "row 2, column quote", "row 3, column value", "row 4, column period"),
                e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void aProfileColumnOfTheWrongDatatypeIsRefused() {
        List<String> columns = List.of("indicator", "indicator_name", "period", "kind", "comparator", "value", "unit",
                "value_as_printed", "printed_unit", "source", "section", "quote");
        DatasetMetadata typedAsText = SyntheticDatasets.metadata(SyntheticDatasets.newSlug("typed"), columns.stream()
                .map(c -> SyntheticDatasets.column(c, Datatype.STRING, false)).toList());
        DatasetMetadata observations = new DatasetMetadata(typedAsText.identifier(), typedAsText.title(),
                typedAsText.description(), typedAsText.publisher(), typedAsText.themes(), typedAsText.keywords(),
                null, null, null, typedAsText.license(), typedAsText.accrualPeriodicity(), List.of(), "observations",
                typedAsText.schema());
        ProblemException e = assertThrows(ProblemException.class, () -> synthetic.publish(observations,
                String.join(",", columns) + "\ndigital-economy-value-added,x,2020年,actual,=,1,100m-yuan,1,亿元,zzbf-2018-91,s,q\n"));
        assertEquals(422, e.status());
        assertTrue(e.errors().stream().anyMatch(f -> f.message().contains("'period'")), e.errors().toString());
        assertTrue(e.errors().stream().anyMatch(f -> f.message().contains("'value'")), e.errors().toString());
    }

    @Test
    void metadataTooLongOrWithControlCharactersIsRefusedBeforeTheDatabaseSeesIt() {
        DatasetMetadata m = SyntheticDatasets.metadata(SyntheticDatasets.newSlug("limits"), List.of(
                new Column("a", LocalizedText.of("a", "a"), null, Datatype.STRING, null, false, "u".repeat(101), null, null, null)));
        DatasetMetadata bad = new DatasetMetadata(m.identifier(), LocalizedText.of("标题\u0000", "t"), m.description(),
                m.publisher(), m.themes(), List.of(new DatasetMetadata.KeywordText("zh", "词".repeat(201))),
                m.temporalStart(), m.temporalEnd(), m.spatial(), m.license(), m.accrualPeriodicity(), m.sources(), null, m.schema());
        ProblemException e = assertThrows(ProblemException.class, () -> synthetic.publish(bad, "a\nx\n"));
        assertEquals(422, e.status());
        assertEquals(List.of("title.zh", "keywords[0]", "schema.columns[0].unit"),
                e.errors().stream().map(FieldError::field).toList());
    }

    private static DatasetMetadata profiled(String slug, String profile, List<String> columns) {
        DatasetMetadata m = SyntheticDatasets.metadata(slug, columns.stream()
                .map(c -> SyntheticDatasets.column(c, c.equals("period") ? Datatype.INTEGER
                        : c.equals("value") ? Datatype.DECIMAL : Datatype.STRING, false))
                .toList());
        return new DatasetMetadata(m.identifier(), m.title(), m.description(), m.publisher(), m.themes(), m.keywords(),
                m.temporalStart(), m.temporalEnd(), m.spatial(), m.license(), m.accrualPeriodicity(),
                List.of("zzbf-2018-91"), profile, m.schema());
    }

    private long storedFiles() throws IOException {
        Path root = config.dataDir().resolve("files/sha256");
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private long stagingLeftovers() throws IOException {
        Path tmp = config.dataDir().resolve("files/tmp");
        if (!Files.exists(tmp)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(tmp)) {
            return files.count();
        }
    }
}
