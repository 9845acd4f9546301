package cn.zjdata.portal.reference;

import cn.zjdata.portal.catalog.CatalogService;
import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.common.PortalUris;
import cn.zjdata.portal.reference.Concept.Scheme;
import cn.zjdata.portal.reference.ReferenceViews.ConceptView;
import cn.zjdata.portal.reference.ReferenceViews.DocumentView;
import cn.zjdata.portal.reference.ReferenceViews.PlanView;
import cn.zjdata.portal.reference.ReferenceViews.PublisherView;
import cn.zjdata.portal.reference.ReferenceViews.UnitView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API's entry point, and the reference data: publishers, themes, categories, plans, documents, units. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data", description = "Publishers, themes, categories, plans, source documents and units")
public class ReferenceResource {

    private final ReferenceService reference;
    private final CatalogService catalog;
    private final PortalUris uris;

    public ReferenceResource(ReferenceService reference, CatalogService catalog, PortalUris uris) {
        this.reference = reference;
        this.catalog = catalog;
        this.uris = uris;
    }

    @GET
    @Operation(summary = "The API's entry points")
    public Map<String, String> index() {
        Map<String, String> links = new LinkedHashMap<>();
        for (String path : new String[]{"datasets", "indicators", "publishers", "themes", "categories", "plans",
                "documents", "units", "openapi", "docs"}) {
            links.put(path, uris.resolve("api/" + path));
        }
        return links;
    }

    @GET
    @Path("publishers")
    @Operation(summary = "List publishers", description = "The departments that publish datasets, with how many each publishes.")
    public List<PublisherView> publishers() {
        return reference.listPublishers().stream().map(this::publisher).toList();
    }

    @GET
    @Path("publishers/{id}")
    @Operation(summary = "Show a publisher")
    public PublisherView publisher(@PathParam("id") String id) {
        return publisher(reference.showPublisher(id));
    }

    @GET
    @Path("themes")
    @Operation(summary = "List themes", description = "The EU data themes the catalog uses.")
    public List<ConceptView> themes() {
        return concepts(Scheme.THEME);
    }

    @GET
    @Path("categories")
    @Operation(summary = "List indicator categories")
    public List<ConceptView> categories() {
        return concepts(Scheme.CATEGORY);
    }

    @GET
    @Path("plans")
    @Operation(summary = "List plans", description = "The plans whose targets the indicators carry.")
    public List<PlanView> plans() {
        return reference.listPlans().stream()
                .map(p -> new PlanView(p.id, p.name(), p.startYear, p.endYear, p.documentId))
                .toList();
    }

    @GET
    @Path("documents")
    @Operation(summary = "List source documents", description = "The documents every published figure is transcribed from.")
    public List<DocumentView> documents() {
        return reference.listDocuments().stream()
                .map(d -> new DocumentView(d.id, d.title(), d.kind, LocalizedText.of(d.issuerZh, d.issuerEn), d.number,
                        d.issued, d.noteZh == null && d.noteEn == null ? null : LocalizedText.of(d.noteZh, d.noteEn)))
                .toList();
    }

    @GET
    @Path("units")
    @Operation(summary = "List units", description = "Units of measure, with the factor to their base unit.")
    public List<UnitView> units() {
        return reference.listUnits().stream()
                .map(u -> new UnitView(u.id, u.symbol, u.aliasList(), u.name(), u.baseId, u.factor.stripTrailingZeros()))
                .toList();
    }

    private PublisherView publisher(Publisher p) {
        long count = catalog.countByPublisher(p.id);
        return new PublisherView(p.id, p.name(), LocalizedText.of(p.abbreviationZh, p.abbreviationEn),
                LocalizedText.of(p.descriptionZh, p.descriptionEn), count, uris.resolve("api/publishers/" + p.id));
    }

    private List<ConceptView> concepts(Scheme scheme) {
        return reference.listConcepts(scheme).stream()
                .map(c -> new ConceptView(c.code(), c.uri, c.label()))
                .toList();
    }
}
