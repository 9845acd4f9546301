package cn.zjdata.portal.publishing;

import cn.zjdata.portal.catalog.DatasetRepository;
import cn.zjdata.portal.catalog.ReleaseRepository;
import cn.zjdata.portal.support.SharedFiles;
import cn.zjdata.portal.support.SyntheticDatasets;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@Tag("database")
class SeedImporterTest {

    @Inject
    SeedImporter importer;
    @Inject
    DatasetRepository datasets;
    @Inject
    ReleaseRepository releases;
    @Inject
    SyntheticDatasets synthetic;

    @Test
    void theSeedCatalogWasImportedAtStartAndImportingAgainChangesNothing() {
        given().get("/api/datasets/doubling-plan-indicators").then().statusCode(200);
        SeedImporter.Summary again = importer.importAll(SharedFiles.datasets());
        assertEquals(List.of(), again.published());
        assertEquals(List.of(), again.failed());
        assertTrue(again.unchanged().containsAll(List.of("indicators", "doubling-plan-indicators", "progress-2018")));
    }

    @Test
    void anEditedSeedFileBecomesANewReleaseOfItsDataset(@TempDir Path seeds) throws IOException {
        String slug = "seed-synthetic-" + UUID.randomUUID().toString().substring(0, 8);
        synthetic.ensurePublisher();
        Files.copy(SharedFiles.datasets().resolve("catalog.json"), seeds.resolve("catalog.json"));
        Path folder = Files.createDirectories(seeds.resolve(slug));
        Files.writeString(folder.resolve("csv-metadata.json"), """
                {"@context": ["http://www.w3.org/ns/csvw", {"@language": "zh"}],
                 "url": "data.csv", "dc:identifier": "%s",
                 "dc:title": [{"@value": "合成种子数据", "@language": "zh"}, {"@value": "Synthetic seed", "@language": "en"}],
                 "dc:description": [{"@value": "测试生成，不是事实。", "@language": "zh"}],
                 "dc:publisher": "%s",
                 "dcat:theme": [{"@id": "http://publications.europa.eu/resource/authority/data-theme/TECH"}],
                 "dc:license": {"@id": "https://creativecommons.org/licenses/by/4.0/"},
                 "dc:accrualPeriodicity": {"@id": "http://publications.europa.eu/resource/authority/frequency/IRREG"},
                 "tableSchema": {"columns": [{"name": "年份", "datatype": "gYear", "required": true}]}}
                """.formatted(slug, SyntheticDatasets.PUBLISHER), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("data.csv"), "年份\n2020\n", StandardCharsets.UTF_8);

        assertEquals(List.of(slug), importer.importAll(seeds).published());
        assertEquals(List.of(), importer.importAll(seeds).published(), "a restart imports nothing twice");

        Files.writeString(folder.resolve("data.csv"), "年份\n2020\n2021\n", StandardCharsets.UTF_8);
        assertEquals(List.of(slug), importer.importAll(seeds).published());
        long id = datasets.findBySlug(slug).orElseThrow().id;
        assertEquals(2, releases.lastNumber(id));
        assertEquals(2, releases.findByNumber(id, 2).orElseThrow().rowCount);
    }

    @Test
    void aBrokenSeedFolderIsReportedAndTheOthersStillImport(@TempDir Path seeds) throws IOException {
        Files.copy(SharedFiles.datasets().resolve("catalog.json"), seeds.resolve("catalog.json"));
        Path folder = Files.createDirectories(seeds.resolve("broken"));
        Files.writeString(folder.resolve("csv-metadata.json"), "{\"url\": \"../../etc/passwd\", \"dc:identifier\": \"broken\","
                + " \"tableSchema\": {\"columns\": [{\"name\": \"a\"}]}}", StandardCharsets.UTF_8);
        SeedImporter.Summary summary = importer.importAll(seeds);
        assertEquals(List.of("broken"), summary.failed());
        assertTrue(datasets.findBySlug("broken").isEmpty());
    }
}
