package cn.zjdata.portal.linkeddata;

import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.reference.Concept;
import cn.zjdata.portal.reference.Concept.Scheme;
import cn.zjdata.portal.reference.Plan;
import cn.zjdata.portal.reference.Publisher;
import cn.zjdata.portal.reference.ReferenceService;
import cn.zjdata.portal.reference.SourceDocument;
import cn.zjdata.portal.reference.Unit;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

import static cn.zjdata.portal.linkeddata.Vocab.LABEL;
import static cn.zjdata.portal.linkeddata.Vocab.dcat;
import static cn.zjdata.portal.linkeddata.Vocab.dct;
import static cn.zjdata.portal.linkeddata.Vocab.foaf;
import static cn.zjdata.portal.linkeddata.Vocab.iri;
import static cn.zjdata.portal.linkeddata.Vocab.org;
import static cn.zjdata.portal.linkeddata.Vocab.prov;
import static cn.zjdata.portal.linkeddata.Vocab.skos;

/**
 * The reference data in the catalog graph: publishers as organisations, source documents, plans, units,
 * indicator categories, places, themes, licences, update frequencies, and the seed import's agent.
 */
@ApplicationScoped
public class ReferenceDataProjector {

    private final ReferenceService reference;
    private final Uris uris;

    public ReferenceDataProjector(ReferenceService reference, Uris uris) {
        this.reference = reference;
        this.uris = uris;
    }

    /** Writes the reference data (the caller holds a database transaction). */
    void project(Emit out) {
        reference.listPublishers().forEach(p -> publisher(out, p));
        reference.listDocuments().forEach(d -> document(out, d));
        reference.listPlans().forEach(p -> plan(out, p));
        reference.listUnits().forEach(u -> unit(out, u));
        reference.listConcepts(Scheme.CATEGORY).forEach(c -> category(out, c));
        reference.listConcepts(Scheme.PLACE).forEach(c -> place(out, c));
        reference.listConcepts(Scheme.THEME).forEach(c -> theme(out, c));
        reference.listConcepts(Scheme.LICENSE).forEach(c -> labelled(out, c, dct("LicenseDocument")));
        reference.listConcepts(Scheme.FREQUENCY).forEach(c -> labelled(out, c, dct("Frequency")));
        Node seedImport = uris.agent("seed-import");
        out.type(seedImport, prov("SoftwareAgent"), foaf("Agent"));
        out.texts(seedImport, foaf("name"), LocalizedText.of("种子目录导入", "seed catalog import"));
    }

    private void publisher(Emit out, Publisher p) {
        Node node = uris.organization(p.id);
        out.type(node, foaf("Agent"), org("Organization"), org("FormalOrganization"));
        out.string(node, dct("identifier"), p.id);
        out.texts(node, foaf("name"), p.name());
        out.texts(node, skos("prefLabel"), p.name());
        out.texts(node, skos("altLabel"), LocalizedText.of(p.abbreviationZh, p.abbreviationEn));
        out.texts(node, dct("description"), LocalizedText.of(p.descriptionZh, p.descriptionEn));
        out.add(node, dct("type"), iri(Vocab.ADMS_PUBLISHER_TYPE, "RegionalAuthority"));
    }

    private void document(Emit out, SourceDocument d) {
        Node node = uris.document(d.id);
        out.type(node, uris.zjde("SourceDocument"), foaf("Document"));
        out.string(node, dct("identifier"), d.id);
        out.texts(node, dct("title"), d.title());
        out.add(node, dct("type"), uris.zjde("document-kind-" + d.kind));
        if (d.issuerZh != null || d.issuerEn != null) {
            Node issuer = out.blank();
            out.add(node, dct("publisher"), issuer);
            out.type(issuer, foaf("Agent"));
            out.texts(issuer, foaf("name"), LocalizedText.of(d.issuerZh, d.issuerEn));
        }
        out.string(node, uris.zjde("documentNumber"), d.number);
        out.period(node, dct("issued"), d.issued);
        out.text(node, uris.zjde("note"), d.noteEn, "en");
        out.text(node, uris.zjde("note"), d.noteZh, "zh");
    }

    private void plan(Emit out, Plan p) {
        Node node = uris.plan(p.id);
        out.type(node, uris.zjde("Plan"), prov("Plan"));
        out.string(node, dct("identifier"), p.id);
        out.texts(node, LABEL, p.name());
        out.texts(node, skos("prefLabel"), p.name());
        Node period = out.blank();
        out.add(node, dct("temporal"), period);
        out.type(period, dct("PeriodOfTime"));
        out.period(period, dcat("startDate"), String.valueOf(p.startYear));
        out.period(period, dcat("endDate"), String.valueOf(p.endYear));
        if (p.documentId != null) {
            out.add(node, uris.zjde("planDocument"), uris.document(p.documentId));
        }
    }

    private void unit(Emit out, Unit u) {
        Node node = uris.unit(u.id);
        out.type(node, uris.zjde("Unit"), skos("Concept"));
        out.add(node, skos("inScheme"), uris.zjde("unitScheme"));
        out.string(node, skos("notation"), u.id);
        out.texts(node, skos("prefLabel"), u.name());
        out.string(node, uris.zjde("unitSymbol"), u.symbol);
        u.aliasList().forEach(a -> out.text(node, skos("altLabel"), a, "zh"));
        out.add(node, uris.zjde("baseUnit"), uris.unit(u.baseId));
        out.decimal(node, uris.zjde("conversionFactor"), u.factor);
    }

    private void category(Emit out, Concept c) {
        Node node = uris.category(c.code());
        out.type(node, uris.zjde("IndicatorCategory"), skos("Concept"));
        out.add(node, skos("inScheme"), uris.zjde("indicatorCategoryScheme"));
        out.add(node, skos("topConceptOf"), uris.zjde("indicatorCategoryScheme"));
        out.string(node, skos("notation"), c.code());
        out.texts(node, skos("prefLabel"), c.label());
    }

    private void place(Emit out, Concept c) {
        Node node = uris.place(c.code());
        out.type(node, dct("Location"));
        out.string(node, skos("notation"), c.code());
        out.texts(node, skos("prefLabel"), c.label());
    }

    private void theme(Emit out, Concept c) {
        Node node = NodeFactory.createURI(c.uri);
        out.type(node, skos("Concept"));
        out.texts(node, skos("prefLabel"), c.label());
        out.add(node, skos("inScheme"), NodeFactory.createURI(Vocab.EU_THEMES));
        Node scheme = NodeFactory.createURI(Vocab.EU_THEMES);
        out.type(scheme, skos("ConceptScheme"));
        out.texts(scheme, dct("title"), LocalizedText.of("欧盟数据主题", "EU data themes"));
    }

    private void labelled(Emit out, Concept c, Node type) {
        Node node = NodeFactory.createURI(c.uri != null ? c.uri : c.code());
        out.type(node, type);
        out.texts(node, skos("prefLabel"), c.label());
        out.texts(node, dct("title"), c.label());
    }
}
