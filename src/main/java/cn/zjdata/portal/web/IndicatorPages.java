package cn.zjdata.portal.web;

import cn.zjdata.portal.indicators.IndicatorService;
import cn.zjdata.portal.indicators.IndicatorViews.Detail;
import cn.zjdata.portal.indicators.IndicatorViews.Summary;
import cn.zjdata.portal.common.PageRequest;
import cn.zjdata.portal.reference.Concept.Scheme;
import cn.zjdata.portal.reference.ReferenceService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The indicator dashboard (every indicator by category, with its chart) and one page per indicator. */
@Path("/indicators")
@Produces(MediaType.TEXT_HTML)
public class IndicatorPages {

    /** An indicator on the dashboard: its card, chart and figures. */
    public record Entry(IndicatorCards.Card card, IndicatorChart chart, List<IndicatorCards.Row> rows, String unit) {
    }

    public record Category(String id, IndicatorCards.Text name, List<Entry> entries) {
    }

    /** The source documents an indicator's figures come from, with the clauses quoted. */
    public record Source(IndicatorCards.Text title, List<IndicatorCards.Row> figures) {
    }

    public record Page(Detail detail, IndicatorCards.Card card, IndicatorCards.Text name, IndicatorCards.Text definition,
                       String unit, IndicatorChart chart, List<IndicatorCards.Row> rows, List<Source> sources,
                       List<String> datasets) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(List<Category> categories, int total);

        static native TemplateInstance indicator(Page page);
    }

    /** The dashboard's model in one language, built once per publish (every indicator with its chart). */
    record Dashboard(List<Category> categories, int total) {
    }

    private final Ui ui;
    private final IndicatorService indicators;
    private final ReferenceService reference;
    private final IndicatorCards cards;
    private final Quantities quantities;
    private final PageModels models;

    public IndicatorPages(Ui ui, IndicatorService indicators, ReferenceService reference, IndicatorCards cards,
                          Quantities quantities, PageModels models) {
        this.models = models;
        this.ui = ui;
        this.indicators = indicators;
        this.reference = reference;
        this.cards = cards;
        this.quantities = quantities;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance dashboard() {
        String lang = ui.lang();
        Dashboard dashboard = models.get("dashboard|" + lang, () -> buildDashboard(lang));
        return Templates.dashboard(dashboard.categories(), dashboard.total()).setLocale(ui.locale());
    }

    private Dashboard buildDashboard(String lang) {
        List<Summary> all = indicators.list(null, null, new PageRequest(1, 10_000)).items();
        Map<String, List<Entry>> byCategory = new LinkedHashMap<>();
        reference.listConcepts(Scheme.CATEGORY).forEach(c -> byCategory.put(c.code(), new java.util.ArrayList<>()));
        for (Summary s : all) {
            Detail d = indicators.show(s.code());
            byCategory.computeIfAbsent(s.category() == null ? "" : s.category().id(), k -> new java.util.ArrayList<>())
                    .add(new Entry(cards.card(d, lang), cards.chart(d, lang), cards.rows(d, lang),
                            quantities.unitName(d.unit().id(), lang)));
        }
        Map<String, IndicatorCards.Text> names = reference.listConcepts(Scheme.CATEGORY).stream()
                .collect(Collectors.toMap(c -> c.code(), c -> IndicatorCards.Text.of(c.label(), lang)));
        List<Category> categories = byCategory.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(e -> new Category(e.getKey(), names.getOrDefault(e.getKey(), new IndicatorCards.Text(e.getKey(), "en")), e.getValue()))
                .toList();
        return new Dashboard(categories, all.size());
    }

    @GET
    @Path("{code}")
    @Operation(hidden = true)
    public TemplateInstance indicator(@PathParam("code") String code) {
        String lang = ui.lang();
        return Templates.indicator(models.get("indicator|" + code + "|" + lang, () -> page(code, lang))).setLocale(ui.locale());
    }

    private Page page(String code, String lang) {
        Detail d = indicators.show(code);
        List<IndicatorCards.Row> rows = cards.rows(d, lang);
        Map<String, List<IndicatorCards.Row>> bySource = new LinkedHashMap<>();
        rows.forEach(r -> bySource.computeIfAbsent(r.source() == null ? "" : r.source().text(), k -> new java.util.ArrayList<>()).add(r));
        List<Source> sources = bySource.values().stream()
                .map(figures -> new Source(figures.getFirst().source(), figures))
                .toList();
        List<String> datasets = rows.stream().map(IndicatorCards.Row::datasetHref).filter(java.util.Objects::nonNull)
                .distinct().toList();
        Page page = new Page(d, cards.card(d, lang), IndicatorCards.Text.of(d.name(), lang),
                IndicatorCards.Text.of(d.definition(), lang), quantities.unitName(d.unit().id(), lang),
                cards.chart(d, lang), rows, sources, datasets);
        return page;
    }
}
