package cn.zjdata.portal.indicators;

import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.common.NamedRef;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;

/** The API's representations of indicators. */
public final class IndicatorViews {

    private IndicatorViews() {
    }

    /** An indicator in a list, with where it stands. */
    public record Summary(String code, LocalizedText name, List<String> aliases, NamedRef category, UnitView unit,
                          String direction, List<NamedRef> plans, Progress progress, String href) {
    }

    /** An indicator with all its figures. */
    public record Detail(String code, LocalizedText name, List<String> aliases, NamedRef category, UnitView unit,
                         String direction, LocalizedText definition, List<NamedRef> plans, Progress progress,
                         List<ObservationView> observations) {
    }

    public record UnitView(String id, String symbol, LocalizedText name) {
    }

    /** One figure, with the document, section and sentence that state it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ObservationView(int period, String kind, String comparator, BigDecimal value, String unit,
                                  String valueAsPrinted, String printedUnit, String indicatorName, NamedRef plan,
                                  SourceView source, String note, String qualityNote, DatasetLink dataset) {
    }

    public record SourceView(String document, LocalizedText title, String section, String quote) {
    }

    /** The dataset release and row the figure is published in. */
    public record DatasetLink(String id, int release, int row, String href) {
    }
}
