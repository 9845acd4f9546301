package cn.zjdata.portal.web;

import cn.zjdata.portal.catalog.CatalogService;
import cn.zjdata.portal.catalog.CatalogViews.DatasetSummary;
import cn.zjdata.portal.catalog.DatasetFilter;
import cn.zjdata.portal.common.PageRequest;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.reference.Concept;
import cn.zjdata.portal.reference.Concept.Scheme;
import cn.zjdata.portal.reference.Publisher;
import cn.zjdata.portal.reference.ReferenceService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Comparator;
import java.util.List;

/** The publishers and the themes: a list of each, and a page per publisher and per theme with its datasets. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DirectoryPages {

    /** A publisher or theme in a list, with how many datasets it has. */
    public record Entry(String href, IndicatorCards.Text name, IndicatorCards.Text note, long count, String countText) {
    }

    /** A dataset in a list. */
    public record Item(String href, IndicatorCards.Text title, IndicatorCards.Text description, IndicatorCards.Text publisher,
                       java.time.Instant modified) {
    }

    /** A publisher's or a theme's page. */
    public record Group(String kind, IndicatorCards.Text name, IndicatorCards.Text description, List<Item> datasets,
                        String count, String apiHref) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(String kind, List<Entry> entries);

        static native TemplateInstance group(Group group);
    }

    private static final int MAX_LISTED = 1000;

    private final Ui ui;
    private final CatalogService catalog;
    private final ReferenceService reference;
    private final Quantities quantities;

    public DirectoryPages(Ui ui, CatalogService catalog, ReferenceService reference, Quantities quantities) {
        this.ui = ui;
        this.catalog = catalog;
        this.reference = reference;
        this.quantities = quantities;
    }

    @GET
    @Path("publishers")
    @Operation(hidden = true)
    @Transactional
    public TemplateInstance publishers() {
        String lang = ui.lang();
        List<Entry> entries = reference.listPublishers().stream()
                .map(p -> entry("/publishers/" + p.id, p.name(), cn.zjdata.portal.common.LocalizedText.of(p.abbreviationZh, p.abbreviationEn), catalog.countByPublisher(p.id), lang))
                .sorted(Comparator.comparingLong(Entry::count).reversed())
                .toList();
        return Templates.list("publishers", entries).setLocale(ui.locale());
    }

    @GET
    @Path("publishers/{id}")
    @Operation(hidden = true)
    @Transactional
    public TemplateInstance publisher(@PathParam("id") String id) {
        String lang = ui.lang();
        Publisher p = reference.findPublisher(id).orElseThrow(() -> ProblemException.notFound("publisher", id));
        var page = catalog.list(new DatasetFilter(null, id, null, null), new PageRequest(1, MAX_LISTED));
        return Templates.group(new Group("publisher", IndicatorCards.Text.of(p.name(), lang),
                IndicatorCards.Text.of(cn.zjdata.portal.common.LocalizedText.of(p.descriptionZh, p.descriptionEn), lang),
                page.items().stream().map(d -> item(d, lang)).toList(), quantities.count(page.totalItems(), lang),
                "/api/datasets?publisher=" + Ui.encode(id))).setLocale(ui.locale());
    }

    @GET
    @Path("themes")
    @Operation(hidden = true)
    @Transactional
    public TemplateInstance themes() {
        String lang = ui.lang();
        List<Entry> entries = reference.listConcepts(Scheme.THEME).stream()
                .map(c -> entry("/themes/" + c.code(), c.label(), null, catalog.countByTheme(c.code()), lang))
                .toList();
        return Templates.list("themes", entries).setLocale(ui.locale());
    }

    @GET
    @Path("themes/{id}")
    @Operation(hidden = true)
    @Transactional
    public TemplateInstance theme(@PathParam("id") String id) {
        String lang = ui.lang();
        Concept theme = reference.findConcept(Scheme.THEME, id).orElseThrow(() -> ProblemException.notFound("theme", id));
        var page = catalog.list(new DatasetFilter(id, null, null, null), new PageRequest(1, MAX_LISTED));
        return Templates.group(new Group("theme", IndicatorCards.Text.of(theme.label(), lang), null,
                page.items().stream().map(d -> item(d, lang)).toList(), quantities.count(page.totalItems(), lang),
                "/api/datasets?theme=" + Ui.encode(id))).setLocale(ui.locale());
    }

    private Entry entry(String href, cn.zjdata.portal.common.LocalizedText name, cn.zjdata.portal.common.LocalizedText note,
                        long count, String lang) {
        return new Entry(href, IndicatorCards.Text.of(name, lang), note == null ? null : IndicatorCards.Text.of(note, lang),
                count, quantities.count(count, lang));
    }

    static Item item(DatasetSummary d, String lang) {
        return new Item("/datasets/" + d.id(), IndicatorCards.Text.of(d.title(), lang), IndicatorCards.Text.of(d.description(), lang),
                d.publisher() == null ? null : IndicatorCards.Text.of(d.publisher().name(), lang), d.modified());
    }
}
