package cn.zjdata.portal.reference;

import cn.zjdata.portal.common.LocalizedText;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;

/** The API's representations of reference data. */
public final class ReferenceViews {

    private ReferenceViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PublisherView(String id, LocalizedText name, LocalizedText abbreviation, LocalizedText description,
                                long datasets, String href) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConceptView(String id, String uri, LocalizedText name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DocumentView(String id, LocalizedText title, String kind, LocalizedText issuer, String number,
                               String issued, LocalizedText note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlanView(String id, LocalizedText name, int start, int end, String document) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UnitView(String id, String symbol, List<String> aliases, LocalizedText name, String base,
                           BigDecimal factor) {
    }
}
