package cn.zjdata.portal.web;

import cn.zjdata.portal.common.PortalUris;
import cn.zjdata.portal.reference.ReferenceService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** The developer page (API, linked data, SPARQL, dumps, with examples) and the about page. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class InfoPages {

    /** A source document of the portal's figures. */
    public record Document(IndicatorCards.Text title, String number, String issued, IndicatorCards.Text issuer) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance developers(String base);

        static native TemplateInstance about(List<Document> documents);
    }

    private final Ui ui;
    private final PortalUris uris;
    private final ReferenceService reference;

    public InfoPages(Ui ui, PortalUris uris, ReferenceService reference) {
        this.ui = ui;
        this.uris = uris;
        this.reference = reference;
    }

    @GET
    @Path("developers")
    @Operation(hidden = true)
    public TemplateInstance developers() {
        return Templates.developers(uris.base()).setLocale(ui.locale());
    }

    @GET
    @Path("about")
    @Operation(hidden = true)
    @Transactional
    public TemplateInstance about() {
        String lang = ui.lang();
        List<Document> documents = reference.listDocuments().stream()
                .map(d -> new Document(IndicatorCards.Text.of(d.title(), lang), d.number, d.issued,
                        IndicatorCards.Text.of(cn.zjdata.portal.common.LocalizedText.of(d.issuerZh, d.issuerEn), lang)))
                .toList();
        return Templates.about(documents).setLocale(ui.locale());
    }
}
