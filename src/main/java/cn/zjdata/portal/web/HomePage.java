package cn.zjdata.portal.web;

import cn.zjdata.portal.catalog.CatalogService;
import cn.zjdata.portal.common.PageRequest;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.indicators.IndicatorService;
import cn.zjdata.portal.reference.Concept.Scheme;
import cn.zjdata.portal.reference.ReferenceService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Objects;

/** The front page: search, themes, headline indicators, latest releases and what the catalog holds. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    /** A theme and how many datasets carry it. */
    public record ThemeCount(String id, IndicatorCards.Text name, String count) {
    }

    /** A recent release as listed on the home page. */
    public record Recent(String href, IndicatorCards.Text title, int release, java.time.Instant issued, String note) {
    }

    public record View(String datasets, String publishers, String indicators, List<ThemeCount> themes,
                       List<IndicatorCards.Card> headlines, List<Recent> recent) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(View view);
    }

    private final Ui ui;
    private final CatalogService catalog;
    private final IndicatorService indicators;
    private final ReferenceService reference;
    private final IndicatorCards cards;
    private final Quantities quantities;
    private final WebConfig config;
    private final PageModels models;

    public HomePage(Ui ui, CatalogService catalog, IndicatorService indicators, ReferenceService reference,
                    IndicatorCards cards, Quantities quantities, WebConfig config, PageModels models) {
        this.models = models;
        this.ui = ui;
        this.catalog = catalog;
        this.indicators = indicators;
        this.reference = reference;
        this.cards = cards;
        this.quantities = quantities;
        this.config = config;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance home() {
        String lang = ui.lang();
        return Templates.home(models.get("home|" + lang, () -> view(lang))).setLocale(ui.locale());
    }

    private View view(String lang) {
        List<ThemeCount> themes = reference.listConcepts(Scheme.THEME).stream()
                .map(c -> new ThemeCount(c.code(), IndicatorCards.Text.of(c.label(), lang),
                        quantities.count(catalog.countByTheme(c.code()), lang)))
                .toList();
        List<IndicatorCards.Card> headlines = config.headlineIndicators().stream()
                .map(code -> {
                    try {
                        return cards.card(indicators.show(code), lang);
                    } catch (ProblemException notPublished) {
                        return null; // a configured code the catalog does not (yet) have
                    }
                })
                .filter(Objects::nonNull)
                .toList();
        List<Recent> recent = catalog.latestReleases(config.latestReleases()).stream()
                .map(r -> new Recent("/datasets/" + r.dataset().id(), IndicatorCards.Text.of(r.dataset().title(), lang),
                        r.release().number(), r.release().issued(), r.release().changeNote()))
                .toList();
        long indicatorCount = indicators.list(null, null, new PageRequest(1, 1)).totalItems();
        View view = new View(quantities.count(catalog.countPublished(), lang),
                quantities.count(reference.listPublishers().size(), lang),
                quantities.count(indicatorCount, lang), themes, headlines, recent);
        return view;
    }
}
