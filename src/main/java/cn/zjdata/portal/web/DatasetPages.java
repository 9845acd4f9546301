package cn.zjdata.portal.web;

import cn.zjdata.portal.catalog.CatalogService;
import cn.zjdata.portal.catalog.CatalogViews.ColumnView;
import cn.zjdata.portal.catalog.CatalogViews.DatasetDetail;
import cn.zjdata.portal.catalog.CatalogViews.Distribution;
import cn.zjdata.portal.catalog.CatalogViews.ReleaseView;
import cn.zjdata.portal.common.PortalUris;
import cn.zjdata.portal.downloads.DownloadService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * A dataset's page: what it is, how to download, preview, cite and reuse it, and its history. (The list of
 * datasets, /datasets, is the search page, {@link SearchPage}; both resources are rooted at "/" so neither
 * class path hides the other's.)
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DatasetPages {

    static final int PREVIEW_ROWS = 10;

    public record Link(String href, IndicatorCards.Text text) {
    }

    public record Download(String format, String label, String href, String size, String mediaType, String checksum) {
    }

    public record Column(String name, IndicatorCards.Text title, IndicatorCards.Text description, String type,
                         String unit, boolean required, boolean numeric) {
    }

    public record Release(int number, String status, java.time.Instant issued, String note, String rows,
                          java.time.Instant withdrawn, String withdrawalReason, boolean current) {
    }

    public record Page(DatasetDetail d, IndicatorCards.Text title, IndicatorCards.Text description, Link publisher,
                       List<Link> themes, List<String> keywords, String keywordsLang, Link license, Link frequency,
                       List<Link> sources, List<Download> downloads, List<Column> columns, List<List<String>> preview,
                       String previewNote, List<Release> history, String citation, String curl, String api,
                       String sparql, String datasetUri) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dataset(Page page);
    }

    private final Ui ui;
    private final CatalogService catalog;
    private final DownloadService downloads;
    private final Quantities quantities;
    private final PortalUris uris;
    private final Messages zh;
    private final Messages en;
    private final PageModels models;

    public DatasetPages(Ui ui, CatalogService catalog, DownloadService downloads, Quantities quantities, PortalUris uris,
                        Messages zh, @Localized("en") Messages en, PageModels models) {
        this.models = models;
        this.ui = ui;
        this.catalog = catalog;
        this.downloads = downloads;
        this.quantities = quantities;
        this.uris = uris;
        this.zh = zh;
        this.en = en;
    }

    @GET
    @Path("datasets/{id}")
    @Operation(hidden = true)
    public TemplateInstance dataset(@PathParam("id") String id) {
        String lang = ui.lang();
        return Templates.dataset(models.get("dataset|" + id + "|" + lang, () -> page(id, lang))).setLocale(ui.locale());
    }

    private Page page(String id, String lang) {
        Messages m = Ui.EN.equals(lang) ? en : zh;
        DatasetDetail d = catalog.show(id);
        DownloadService.Preview preview = downloads.preview(id, PREVIEW_ROWS);
        IndicatorCards.Text title = IndicatorCards.Text.of(d.title(), lang);
        List<String> keywords = Ui.EN.equals(lang) && !d.keywords().en().isEmpty() ? d.keywords().en() : d.keywords().zh();
        String keywordsLang = Ui.EN.equals(lang) && !d.keywords().en().isEmpty() ? "en" : "zh-CN";
        List<Download> files = d.distributions().stream().map(x -> download(x, m)).toList();
        List<Column> columns = d.schema().stream().map(c -> column(c, lang, m)).toList();
        ReleaseView current = d.currentRelease();
        List<Release> history = d.releases().stream()
                .map(r -> new Release(r.number(), r.status(), r.issued(), r.changeNote(), quantities.count(r.rowCount(), lang),
                        r.withdrawn(), r.withdrawalReason(), current != null && r.number() == current.number()))
                .toList();
        String datasetUri = uris.resolve("id/dataset/" + d.id());
        String csv = uris.resolve("api/datasets/" + d.id() + "/data.csv");
        String publisherName = d.publisher() == null ? "" : d.publisher().name().in(lang);
        String citation = m.citation(publisherName, title.text(), current == null ? 0 : current.number(),
                current == null ? "" : TemplateExtensions.date(current.issued(), lang), uris.resolve("datasets/" + d.id()));
        String sparql = """
                PREFIX dcat: <http://www.w3.org/ns/dcat#>
                PREFIX dct: <http://purl.org/dc/terms/>
                SELECT ?row ?p ?value WHERE {
                  GRAPH <%s> { ?row ?p ?value }
                } LIMIT 100""".formatted(uris.resolve("graph/dataset/" + d.id()));
        Page page = new Page(d, title, IndicatorCards.Text.of(d.description(), lang),
                d.publisher() == null ? null : new Link("/publishers/" + d.publisher().id(), IndicatorCards.Text.of(d.publisher().name(), lang)),
                d.themes().stream().map(t -> new Link("/themes/" + t.id(), IndicatorCards.Text.of(t.name(), lang))).toList(),
                keywords, keywordsLang,
                d.license() == null ? null : new Link(null, IndicatorCards.Text.of(d.license().name(), lang)),
                d.accrualPeriodicity() == null ? null : new Link(null, IndicatorCards.Text.of(d.accrualPeriodicity().name(), lang)),
                d.sources().stream().map(s -> new Link(null, IndicatorCards.Text.of(s.title(), lang))).toList(),
                files, columns, preview.rows(),
                m.preview_note(Math.min(PREVIEW_ROWS, preview.rows().size()), quantities.count(preview.totalRows(), lang)),
                history, citation, "curl -L -o " + d.id() + ".csv '" + csv + "'",
                "curl -H 'Accept: application/json' '" + uris.resolve("api/datasets/" + d.id()) + "'",
                sparql, datasetUri);
        return page;
    }

    private Download download(Distribution x, Messages m) {
        String label = switch (x.id()) {
            case "csv" -> m.download_csv();
            case "excel-csv" -> m.download_excel();
            case "json" -> m.download_json();
            case "csvw" -> m.download_csvw();
            default -> x.format();
        };
        return new Download(x.format(), label, onThisSite(x.downloadUrl()),
                x.byteSize() == null ? null : quantities.bytes(x.byteSize()), x.mediaType(), x.checksum());
    }

    /**
     * A download link the browser follows on the site it is reading: the distribution's URL is absolute
     * under the portal's base URI, which need not be the address the page was served from (another port, a
     * proxy); the download attribute is also ignored across origins.
     */
    private String onThisSite(String url) {
        return url != null && url.startsWith(uris.base()) ? "/" + url.substring(uris.base().length()) : url;
    }

    private Column column(ColumnView c, String lang, Messages m) {
        String type = switch (c.datatype()) {
            case "integer" -> m.type_integer();
            case "decimal" -> m.type_decimal();
            case "boolean" -> m.type_boolean();
            case "date" -> m.type_date();
            case "gYear" -> m.type_year();
            default -> m.type_text();
        };
        boolean numeric = c.datatype().equals("integer") || c.datatype().equals("decimal");
        return new Column(c.name(), IndicatorCards.Text.of(c.title(), lang), IndicatorCards.Text.of(c.description(), lang),
                type, c.unit() == null ? null : quantities.unitName(c.unit(), lang), c.required(), numeric);
    }
}
