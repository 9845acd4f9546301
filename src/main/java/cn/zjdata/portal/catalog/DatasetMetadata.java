package cn.zjdata.portal.catalog;

import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.tabular.TableSchema;

import java.util.List;

/**
 * Everything a publisher states about a dataset: the catalog record and the column schema. It is what a
 * publish carries, whether it comes from a {@code csv-metadata.json} of the seed catalog or a staff form.
 *
 * @param themes             theme IRIs (EU data themes)
 * @param license            licence IRI
 * @param accrualPeriodicity update-frequency IRI
 * @param spatial            place id
 * @param sources            ids of the source documents
 * @param profile            table profile, or null
 */
public record DatasetMetadata(String identifier, LocalizedText title, LocalizedText description, String publisher,
                              List<String> themes, List<KeywordText> keywords, String temporalStart,
                              String temporalEnd, String spatial, String license, String accrualPeriodicity,
                              List<String> sources, String profile, TableSchema schema) {

    public DatasetMetadata {
        themes = themes == null ? List.of() : List.copyOf(themes);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** A keyword in a language. */
    public record KeywordText(String language, String text) {
    }
}
