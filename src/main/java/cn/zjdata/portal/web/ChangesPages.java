package cn.zjdata.portal.web;

import cn.zjdata.portal.catalog.CatalogChange;
import cn.zjdata.portal.catalog.CatalogService;
import cn.zjdata.portal.common.ApiConfig;
import cn.zjdata.portal.common.Page;
import cn.zjdata.portal.common.PageRequest;
import cn.zjdata.portal.common.Preconditions;
import cn.zjdata.portal.common.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * What changed, for citizens: {@code /changes}, the catalog's events newest first, 50 to a page, and the
 * same as Atom feeds, {@code /changes.atom} (the latest 50) and {@code /datasets/{id}/changes.atom} (one
 * dataset's, which still answers once the dataset is withdrawn). Page models and feeds are kept in
 * {@link PageModels}, so they are dropped on every publish and withdrawal; a feed has a strong ETag and a
 * Last-Modified (its newest entry) and answers 304 to a reader that has it.
 */
@Path("/")
public class ChangesPages {

    static final int PER_PAGE = 50;
    static final String ATOM = "application/atom+xml";

    /** A change as the page shows it. {@code kind}: published, release-withdrawn or dataset-withdrawn. */
    public record Item(String kind, boolean withdrawal, String datasetHref, IndicatorCards.Text title, int release,
                       String releaseHref, Instant at, String text, String rows) {
    }

    public record View(List<Item> items, String prev, String next, String pageText, String feedHref) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance changes(View view);
    }

    private final Ui ui;
    private final CatalogService catalog;
    private final ChangesFeed feeds;
    private final Quantities quantities;
    private final ApiConfig api;
    private final PageModels models;
    private final Messages zh;
    private final Messages en;

    public ChangesPages(Ui ui, CatalogService catalog, ChangesFeed feeds, Quantities quantities, ApiConfig api,
                        PageModels models, Messages zh, @Localized("en") Messages en) {
        this.ui = ui;
        this.catalog = catalog;
        this.feeds = feeds;
        this.quantities = quantities;
        this.api = api;
        this.models = models;
        this.zh = zh;
        this.en = en;
    }

    @GET
    @Path("changes")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance changes(@QueryParam("page") String page) {
        String lang = ui.lang();
        PageRequest request = new PageRequest(PageRequest.parse(page, null, api).page(), PER_PAGE);
        View view = models.get("changes|" + lang + "|" + request.page(), () -> view(request, lang));
        return Templates.changes(view).setLocale(ui.locale());
    }

    @GET
    @Path("changes.atom")
    @Produces(ATOM)
    @Operation(hidden = true)
    public Response feed(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        String language = feedLanguage(lang);
        ChangesFeed.Document feed = models.get("changes.atom|" + language,
                () -> feeds.catalog(catalog.listChanges(new PageRequest(1, PER_PAGE)).items(), language));
        return respond(feed, headers);
    }

    @GET
    @Path("datasets/{id}/changes.atom")
    @Produces(ATOM)
    @Operation(hidden = true)
    public Response datasetFeed(@PathParam("id") String id, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        String language = feedLanguage(lang);
        ChangesFeed.Document feed = models.get("changes.atom|" + id + "|" + language,
                () -> feeds.dataset(id, catalog.listChanges(id, new PageRequest(1, PER_PAGE)).items(), language));
        return respond(feed, headers);
    }

    /** A feed's language comes from its URL only (a feed reader has no cookie to choose by): English or Chinese. */
    private static String feedLanguage(String lang) {
        return Ui.EN.equals(lang) ? Ui.EN : Ui.ZH;
    }

    private static Response respond(ChangesFeed.Document feed, HttpHeaders headers) {
        Preconditions.Outcome outcome = Preconditions.evaluate(headers, feed.tag(), feed.updated());
        if (outcome == Preconditions.Outcome.PRECONDITION_FAILED) {
            throw new ProblemException(412, "/problems/precondition-failed", "Precondition failed",
                    "The feed no longer matches If-Match or If-Unmodified-Since", List.of());
        }
        Response.ResponseBuilder builder = outcome == Preconditions.Outcome.NOT_MODIFIED
                ? Response.notModified()
                : Response.ok(feed.body()).type(ChangesFeed.MEDIA_TYPE);
        builder.tag(new EntityTag(feed.tag())).header(HttpHeaders.CACHE_CONTROL, "no-cache");
        if (feed.updated() != null) {
            builder.lastModified(Date.from(feed.updated()));
        }
        return builder.build();
    }

    private View view(PageRequest request, String lang) {
        Messages m = Ui.EN.equals(lang) ? en : zh;
        Page<CatalogChange> page = catalog.listChanges(request);
        List<Item> items = page.items().stream().map(c -> item(c, lang)).toList();
        // past the end, "previous" leads back to the last page there is
        String prev = page.page() > 1 ? href(Math.min(page.page() - 1, Math.max(page.totalPages(), 1))) : null;
        String next = page.page() < page.totalPages() ? href(page.page() + 1) : null;
        String pageText = page.totalPages() > 1
                ? m.search_page_of(Integer.toString(page.page()), Integer.toString(page.totalPages())) : null;
        return new View(items, prev, next, pageText, "/changes.atom" + (Ui.EN.equals(lang) ? "?lang=en" : ""));
    }

    private Item item(CatalogChange c, String lang) {
        String datasetHref = "/datasets/" + c.dataset();
        String kind = switch (c.kind()) {
            case RELEASE_PUBLISHED -> "published";
            case RELEASE_WITHDRAWN -> "release-withdrawn";
            case DATASET_WITHDRAWN -> "dataset-withdrawn";
        };
        return new Item(kind, c.kind().withdrawal(), datasetHref, IndicatorCards.Text.of(c.title(), lang), c.release(),
                c.release() > 0 ? datasetHref + "#release-" + c.release() : null, c.at(), c.text(),
                c.kind() == CatalogChange.Kind.RELEASE_PUBLISHED ? quantities.count(c.rowCount(), lang) : null);
    }

    /** The page's own links need no other parameter: the language is the reader's, kept in the cookie. */
    private static String href(int page) {
        return page == 1 ? "/changes" : "/changes?page=" + page;
    }
}
