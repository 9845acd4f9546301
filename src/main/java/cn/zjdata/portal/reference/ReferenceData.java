package cn.zjdata.portal.reference;

import cn.zjdata.portal.common.LocalizedText;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.util.List;

/** The reference data of the seed catalog, as written in {@code datasets/catalog.json}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferenceData(
        CatalogInfo catalog,
        List<PublisherData> publishers,
        List<DocumentData> documents,
        List<PlanData> plans,
        List<CodeData> categories,
        List<CodeData> themes,
        List<CodeData> places,
        List<CodeData> licenses,
        List<CodeData> frequencies,
        List<UnitData> units) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CatalogInfo(LocalizedText title, LocalizedText description, String publisher,
                              List<String> language, String license) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PublisherData(String id, LocalizedText name, LocalizedText abbreviation,
                                LocalizedText description, String type) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DocumentData(String id, LocalizedText title, String kind, LocalizedText issuer, String number,
                               String issued, LocalizedText note, String seedFile) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PlanData(String id, LocalizedText name, int start, int end, String document) {
    }

    /** A code-list entry; for licences and frequencies the id is the IRI itself. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CodeData(String id, String uri, LocalizedText name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnitData(String id, String symbol, List<String> aliases, LocalizedText name, String base,
                           BigDecimal factor) {
    }
}
