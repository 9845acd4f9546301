package cn.zjdata.portal.web;

import cn.zjdata.portal.indicators.IndicatorViews.Detail;
import cn.zjdata.portal.indicators.IndicatorViews.ObservationView;
import cn.zjdata.portal.indicators.IndicatorViews.Summary;
import cn.zjdata.portal.indicators.Progress;
import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Builds what the pages show of an indicator: formatted figures, progress, status, chart and data table. */
@ApplicationScoped
public class IndicatorCards {

    private final Quantities quantities;
    private final Messages zh;
    private final Messages en;

    public IndicatorCards(Quantities quantities, Messages zh, @Localized("en") Messages en) {
        this.quantities = quantities;
        this.zh = zh;
        this.en = en;
    }

    /** An indicator in a list: where it stands against its next target. */
    public record Card(String code, Text name, Text category, String status, String statusLabel, String latest,
                       String latestYear, String target, String targetYear, Integer percent, String progressText,
                       String href) {
        /** The width of the progress bar, 0–100 (an SVG attribute: the page has no inline styles). */
        public int bar() {
            return percent == null ? 0 : Math.max(0, Math.min(100, percent));
        }
    }

    /** A text and the language it is in (which may differ from the page's when it fell back). */
    public record Text(String text, String lang) {
        public static Text of(cn.zjdata.portal.common.LocalizedText text, String lang) {
            if (text == null) {
                return new Text("", Ui.htmlLang(lang));
            }
            String shown = text.in(lang);
            boolean fellBack = Ui.EN.equals(lang) ? (text.en() == null || text.en().isBlank()) : (text.zh() == null || text.zh().isBlank());
            return new Text(shown == null ? "" : shown, Ui.htmlLang(fellBack ? (Ui.EN.equals(lang) ? Ui.ZH : Ui.EN) : lang));
        }
    }

    /** One figure in the data table beside a chart. */
    public record Row(int period, String kind, String kindLabel, String value, String printed, Text plan, Text source,
                      String section, String quote, String qualityNote, String datasetHref) {
    }

    public Card card(Summary s, String lang) {
        return card(s.code(), s.name(), s.category() == null ? null : s.category().name(), s.unit().id(), s.progress(), lang);
    }

    public Card card(Detail d, String lang) {
        return card(d.code(), d.name(), d.category() == null ? null : d.category().name(), d.unit().id(), d.progress(), lang);
    }

    private Card card(String code, cn.zjdata.portal.common.LocalizedText name, cn.zjdata.portal.common.LocalizedText category,
                      String unit, Progress p, String lang) {
        Messages m = messages(lang);
        Progress.Figure latest = p.latestActual();
        Progress.Figure next = p.nextTarget();
        Integer percent = p.shareOfWay() == null ? null
                : p.shareOfWay().multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).intValue();
        String progressText = percent == null ? null : m.progress_share(percent,
                p.expectedShare() == null ? null : p.expectedShare().multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).intValue());
        return new Card(code, Text.of(name, lang), Text.of(category, lang), p.status(), statusLabel(p.status(), m),
                latest == null ? null : figure(latest.comparator(), latest.value(), unit, lang),
                latest == null ? null : String.valueOf(latest.period()),
                next == null ? null : figure(next.comparator(), next.value(), unit, lang),
                next == null ? null : String.valueOf(next.period()),
                percent, progressText, "/indicators/" + code);
    }

    /** The chart of all of an indicator's figures. */
    public IndicatorChart chart(Detail d, String lang) {
        Messages m = messages(lang);
        List<IndicatorChart.Figure> figures = d.observations().stream()
                .map(o -> new IndicatorChart.Figure(o.period(), o.kind(), o.value(), o.plan() == null ? null : o.plan().id(),
                        m.chart_point(o.period(), kindLabel(o.kind(), m), figure(o.comparator(), o.value(), d.unit().id(), lang),
                                o.source() == null || o.source().title() == null ? "" : o.source().title().in(lang))))
                .toList();
        return IndicatorChart.of(figures, v -> quantities.number(v, lang));
    }

    /** The data table beside the chart: every figure with its source. */
    public List<Row> rows(Detail d, String lang) {
        Messages m = messages(lang);
        return d.observations().stream().map(o -> row(o, d.unit().id(), lang, m)).toList();
    }

    private Row row(ObservationView o, String unit, String lang, Messages m) {
        String printed = o.valueAsPrinted() == null ? null
                : o.valueAsPrinted() + (o.printedUnit() == null ? "" : o.printedUnit());
        return new Row(o.period(), o.kind(), kindLabel(o.kind(), m), figure(o.comparator(), o.value(), unit, lang), printed,
                o.plan() == null ? null : Text.of(o.plan().name(), lang),
                o.source() == null ? null : Text.of(o.source().title(), lang),
                o.source() == null ? null : o.source().section(),
                o.source() == null ? null : o.source().quote(),
                o.qualityNote(),
                o.dataset() == null ? null : "/datasets/" + o.dataset().id());
    }

    /** A figure with its comparator and unit: "≥ 2.7万亿元". */
    public String figure(String comparator, BigDecimal value, String unit, String lang) {
        String shown = quantities.quantity(value, unit, lang);
        return comparator == null || comparator.isBlank() || comparator.equals("=") ? shown : comparator + " " + shown;
    }

    static String kindLabel(String kind, Messages m) {
        return switch (kind) {
            case "baseline" -> m.kind_baseline();
            case "target" -> m.kind_target();
            case "actual" -> m.kind_actual();
            default -> kind;
        };
    }

    static String statusLabel(String status, Messages m) {
        return switch (status) {
            case "on-track" -> m.status_on_track();
            case "behind" -> m.status_behind();
            case "achieved" -> m.status_achieved();
            case "missed" -> m.status_missed();
            case "baseline-only" -> m.status_baseline_only();
            case "no-actual" -> m.status_no_actual();
            case "no-target" -> m.status_no_target();
            default -> status;
        };
    }

    Messages messages(String lang) {
        return Ui.EN.equals(lang) ? en : zh;
    }
}
