package cn.zjdata.portal.reference;

import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.reference.Concept.Scheme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * Reads and keeps the reference data: publishers, source documents, plans, units and code lists.
 * {@link #sync} upserts; it never deletes, because published records may point at any entry.
 */
@ApplicationScoped
public class ReferenceService {

    @Transactional
    public void sync(ReferenceData data) {
        nullSafe(data.publishers()).forEach(this::upsertPublisher);
        if (data.catalog() != null) {
            upsertCatalog(data.catalog());
        }
        nullSafe(data.documents()).forEach(this::upsertDocument);
        nullSafe(data.plans()).forEach(this::upsertPlan);
        nullSafe(data.units()).forEach(this::upsertUnit);
        upsertConcepts(Scheme.THEME, data.themes());
        upsertConcepts(Scheme.CATEGORY, data.categories());
        upsertConcepts(Scheme.PLACE, data.places());
        upsertConcepts(Scheme.LICENSE, data.licenses());
        upsertConcepts(Scheme.FREQUENCY, data.frequencies());
    }

    // --- reads ------------------------------------------------------------------------------

    public List<Publisher> listPublishers() {
        return Publisher.listAll(io.quarkus.panache.common.Sort.by("id"));
    }

    public Optional<Publisher> findPublisher(String id) {
        return Publisher.findByIdOptional(id);
    }

    public List<SourceDocument> listDocuments() {
        return SourceDocument.listAll(io.quarkus.panache.common.Sort.by("issued").and("id"));
    }

    public Optional<SourceDocument> findDocument(String id) {
        return SourceDocument.findByIdOptional(id);
    }

    public List<Plan> listPlans() {
        return Plan.listAll(io.quarkus.panache.common.Sort.by("startYear").and("id"));
    }

    public Optional<Plan> findPlan(String id) {
        return Plan.findByIdOptional(id);
    }

    public List<Unit> listUnits() {
        return Unit.listAll(io.quarkus.panache.common.Sort.by("id"));
    }

    public Optional<Unit> findUnit(String id) {
        return Unit.findByIdOptional(id);
    }

    /** The unit whose printed symbol (or one of its aliases) is the given text. */
    public Optional<Unit> findUnitBySymbol(String symbol) {
        return listUnits().stream()
                .filter(u -> u.symbol.equals(symbol) || u.aliasList().contains(symbol))
                .findFirst();
    }

    public List<Concept> listConcepts(Scheme scheme) {
        return Concept.list("key.scheme = ?1 order by position", scheme.id);
    }

    public Optional<Concept> findConcept(Scheme scheme, String code) {
        return Concept.findByIdOptional(new Concept.Key(scheme, code));
    }

    /** The concept of a scheme whose IRI (or code, for lists keyed by IRI) is the given one. */
    public Optional<Concept> findConceptByUri(Scheme scheme, String uri) {
        return Concept.find("key.scheme = ?1 and (uri = ?2 or key.code = ?2)", scheme.id, uri).firstResultOptional();
    }

    public Publisher showPublisher(String id) {
        return findPublisher(id).orElseThrow(() -> ProblemException.notFound("publisher", id));
    }

    /** The catalog's own description, once the seed catalog has been imported. */
    public Optional<CatalogInfo> catalogInfo() {
        return CatalogInfo.findByIdOptional(CatalogInfo.ID);
    }

    // --- upserts ----------------------------------------------------------------------------

    private void upsertCatalog(ReferenceData.CatalogInfo d) {
        CatalogInfo c = CatalogInfo.<CatalogInfo>findByIdOptional(CatalogInfo.ID).orElseGet(CatalogInfo::new);
        c.id = CatalogInfo.ID;
        c.titleZh = zh(d.title());
        c.titleEn = en(d.title());
        c.descriptionZh = zh(d.description());
        c.descriptionEn = en(d.description());
        c.publisherId = d.publisher();
        c.license = d.license();
        c.persist();
    }

    private void upsertPublisher(ReferenceData.PublisherData d) {
        Publisher p = Publisher.<Publisher>findByIdOptional(d.id()).orElseGet(Publisher::new);
        p.id = d.id();
        p.nameZh = zh(d.name());
        p.nameEn = en(d.name());
        p.abbreviationZh = zh(d.abbreviation());
        p.abbreviationEn = en(d.abbreviation());
        p.descriptionZh = zh(d.description());
        p.descriptionEn = en(d.description());
        p.kind = d.type();
        p.persist();
    }

    private void upsertDocument(ReferenceData.DocumentData d) {
        SourceDocument doc = SourceDocument.<SourceDocument>findByIdOptional(d.id()).orElseGet(SourceDocument::new);
        doc.id = d.id();
        doc.titleZh = zh(d.title());
        doc.titleEn = en(d.title());
        doc.kind = d.kind();
        doc.issuerZh = zh(d.issuer());
        doc.issuerEn = en(d.issuer());
        doc.number = d.number();
        doc.issued = d.issued();
        doc.noteZh = zh(d.note());
        doc.noteEn = en(d.note());
        doc.seedFile = d.seedFile();
        doc.persist();
    }

    private void upsertPlan(ReferenceData.PlanData d) {
        Plan plan = Plan.<Plan>findByIdOptional(d.id()).orElseGet(Plan::new);
        plan.id = d.id();
        plan.nameZh = zh(d.name());
        plan.nameEn = en(d.name());
        plan.startYear = d.start();
        plan.endYear = d.end();
        plan.documentId = d.document();
        plan.persist();
    }

    private void upsertUnit(ReferenceData.UnitData d) {
        Unit unit = Unit.<Unit>findByIdOptional(d.id()).orElseGet(Unit::new);
        unit.id = d.id();
        unit.symbol = d.symbol() == null ? "" : d.symbol();
        unit.aliases = d.aliases() == null ? null : String.join("|", d.aliases());
        unit.nameZh = zh(d.name());
        unit.nameEn = en(d.name());
        unit.baseId = d.base();
        unit.factor = d.factor();
        unit.persist();
    }

    private void upsertConcepts(Scheme scheme, List<ReferenceData.CodeData> entries) {
        List<ReferenceData.CodeData> list = nullSafe(entries);
        for (int i = 0; i < list.size(); i++) {
            ReferenceData.CodeData d = list.get(i);
            Concept c = Concept.<Concept>findByIdOptional(new Concept.Key(scheme, d.id())).orElseGet(Concept::new);
            c.key = new Concept.Key(scheme, d.id());
            c.uri = d.uri() != null ? d.uri() : (d.id().startsWith("http") ? d.id() : null);
            c.labelZh = zh(d.name());
            c.labelEn = en(d.name());
            c.position = i;
            c.persist();
        }
    }

    private static String zh(LocalizedText t) {
        return t == null ? null : t.zh();
    }

    private static String en(LocalizedText t) {
        return t == null ? null : t.en();
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
