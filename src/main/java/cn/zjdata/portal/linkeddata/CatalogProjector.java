package cn.zjdata.portal.linkeddata;

import cn.zjdata.portal.catalog.Dataset;
import cn.zjdata.portal.catalog.DatasetRepository;
import cn.zjdata.portal.catalog.DatasetStatus;
import cn.zjdata.portal.catalog.Release;
import cn.zjdata.portal.catalog.ReleaseRepository;
import cn.zjdata.portal.catalog.ReleaseStatus;
import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.common.PortalUris;
import cn.zjdata.portal.reference.CatalogInfo;
import cn.zjdata.portal.reference.Concept;
import cn.zjdata.portal.reference.Concept.Scheme;
import cn.zjdata.portal.reference.ReferenceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static cn.zjdata.portal.linkeddata.Vocab.dcat;
import static cn.zjdata.portal.linkeddata.Vocab.dct;
import static cn.zjdata.portal.linkeddata.Vocab.foaf;
import static cn.zjdata.portal.linkeddata.Vocab.iri;
import static cn.zjdata.portal.linkeddata.Vocab.org;
import static cn.zjdata.portal.linkeddata.Vocab.prov;
import static cn.zjdata.portal.linkeddata.Vocab.skos;

/**
 * The catalog graph: the DCAT 3 catalog with its datasets, their releases as versions, the distributions
 * of each and the data services, plus the reference data ({@link ReferenceDataProjector}), as the
 * vocabulary's README maps them.
 */
@ApplicationScoped
public class CatalogProjector {

    private static final Map<String, String> FILE_TYPES = Map.of("csv", "CSV", "excel-csv", "CSV", "json", "JSON");
    private static final Map<String, String> MEDIA_TYPES = Map.of("csv", "text/csv", "excel-csv", "text/csv", "json", "application/json");

    private final DatasetRepository datasets;
    private final ReleaseRepository releases;
    private final ReferenceService reference;
    private final Uris uris;
    private final PortalUris portal;
    private final ReferenceDataProjector referenceData;

    public CatalogProjector(DatasetRepository datasets, ReleaseRepository releases, ReferenceService reference,
                            Uris uris, PortalUris portal, ReferenceDataProjector referenceData) {
        this.datasets = datasets;
        this.releases = releases;
        this.reference = reference;
        this.uris = uris;
        this.portal = portal;
        this.referenceData = referenceData;
    }

    @Transactional
    public void project(Emit out) {
        List<Dataset> published = datasets.list("status", DatasetStatus.PUBLISHED);
        published.sort(Comparator.comparing(d -> d.slug));
        catalog(out, published);
        services(out, published);
        for (Dataset dataset : published) {
            dataset(out, dataset);
        }
        List<Dataset> withdrawn = datasets.list("status", DatasetStatus.WITHDRAWN);
        withdrawn.sort(Comparator.comparing(d -> d.slug));
        for (Dataset dataset : withdrawn) {
            tombstone(out, dataset);
        }
        referenceData.project(out);
    }

    /**
     * What stays of a withdrawn dataset: its identity, when and why it was withdrawn, and its releases by
     * number; no distributions. Its documents answer 410 Gone with this description.
     */
    private void tombstone(Emit out, Dataset d) {
        Node node = uris.dataset(d.slug);
        out.type(node, dcat("Dataset"));
        out.string(node, dct("identifier"), d.slug);
        out.texts(node, dct("title"), d.title());
        out.texts(node, dct("description"), d.description());
        out.add(node, Vocab.iri(Vocab.ADMS, "status"), NodeFactory.createURI(WITHDRAWN));
        if (d.withdrawnAt != null) {
            out.dateTime(node, iri(Vocab.SCHEMA, "expires"), d.withdrawnAt);
        }
        if (d.withdrawalReason != null) {
            out.string(node, Vocab.skos("note"), d.withdrawalReason);
        }
        out.add(node, dct("publisher"), uris.organization(d.publisherId));
        for (Release r : releases.listFor(d.id)) {
            Node release = uris.release(d.slug, r.number);
            out.add(node, dcat("hasVersion"), release);
            out.type(release, dcat("Dataset"));
            out.add(release, dct("isVersionOf"), node);
            out.text(release, dct("title"), d.titleZh + "（第" + r.number + "版）", "zh");
            out.text(release, dct("title"), (d.titleEn == null ? d.slug : d.titleEn) + " (release " + r.number + ")", "en");
            out.texts(release, dct("description"), d.description());
            out.string(release, dcat("version"), String.valueOf(r.number));
            out.dateTime(release, dct("issued"), r.issuedAt);
            out.add(release, Vocab.iri(Vocab.ADMS, "status"), NodeFactory.createURI(WITHDRAWN));
        }
    }

    /** ADMS's status of a withdrawn asset. */
    static final String WITHDRAWN = "http://purl.org/adms/status/Withdrawn";

    private void catalog(Emit out, List<Dataset> published) {
        Node catalog = uris.catalog();
        out.type(catalog, dcat("Catalog"));
        CatalogInfo info = reference.catalogInfo().orElse(null);
        if (info != null) {
            out.texts(catalog, dct("title"), info.title());
            out.texts(catalog, dct("description"), info.description());
            out.add(catalog, dct("publisher"), uris.organization(info.publisherId));
            out.add(catalog, dct("license"), NodeFactory.createURI(info.license));
        }
        for (String language : List.of("ZHO", "ENG")) {
            Node node = iri(Vocab.EU_LANGUAGE, language);
            out.add(catalog, dct("language"), node);
            out.type(node, dct("LinguisticSystem"));
        }
        Node home = NodeFactory.createURI(portal.base());
        out.add(catalog, foaf("homepage"), home);
        out.type(home, foaf("Document"));
        out.add(catalog, dcat("themeTaxonomy"), NodeFactory.createURI(Vocab.EU_THEMES));
        out.add(catalog, dcat("service"), uris.sparqlService());
        out.add(catalog, dcat("service"), uris.apiService());
        // The catalog was first issued with its first dataset, and covers the places its datasets cover.
        published.stream().map(d -> d.createdAt).min(Comparator.naturalOrder())
                .ifPresent(i -> out.dateTime(catalog, dct("issued"), i));
        published.stream().map(d -> d.modifiedAt).max(Comparator.naturalOrder())
                .ifPresent(m -> out.dateTime(catalog, dct("modified"), m));
        published.stream().map(d -> d.spatial).filter(java.util.Objects::nonNull).distinct().sorted()
                .forEach(place -> out.add(catalog, dct("spatial"), uris.place(place)));
        for (Dataset dataset : published) {
            out.add(catalog, dcat("dataset"), uris.dataset(dataset.slug));
        }
    }

    private void services(Emit out, List<Dataset> published) {
        Node sparql = uris.sparqlService();
        out.type(sparql, dcat("DataService"));
        out.texts(sparql, dct("title"), LocalizedText.of("SPARQL 1.1 查询服务", "SPARQL 1.1 query service"));
        out.add(sparql, dcat("endpointURL"), NodeFactory.createURI(portal.resolve("sparql")));
        out.add(sparql, dcat("endpointDescription"), NodeFactory.createURI(portal.resolve("sparql")));
        Node protocol = NodeFactory.createURI("https://www.w3.org/TR/sparql11-protocol/");
        out.add(sparql, dct("conformsTo"), protocol);
        out.type(protocol, dct("Standard"));
        Node api = uris.apiService();
        out.type(api, dcat("DataService"));
        out.texts(api, dct("title"), LocalizedText.of("开放数据 REST API", "Open data REST API"));
        out.add(api, dcat("endpointURL"), NodeFactory.createURI(portal.resolve("api")));
        out.add(api, dcat("endpointDescription"), NodeFactory.createURI(portal.resolve("api/openapi")));
        // Both services serve every published dataset, and are run by the catalog's publisher.
        String publisher = reference.catalogInfo().map(info -> info.publisherId).orElse(null);
        for (Node service : List.of(sparql, api)) {
            for (Dataset dataset : published) {
                out.add(service, dcat("servesDataset"), uris.dataset(dataset.slug));
            }
            if (publisher != null) {
                out.add(service, dct("publisher"), uris.organization(publisher));
                contactPoint(out, service, publisher);
            }
        }
    }

    /** A vCard contact point for a publisher: its name and its description document. */
    private void contactPoint(Emit out, Node node, String publisherId) {
        Node contact = out.blank();
        out.add(node, dcat("contactPoint"), contact);
        out.type(contact, Vocab.vcard("Kind"), Vocab.vcard("Organization"));
        reference.findPublisher(publisherId).ifPresent(p -> out.texts(contact, Vocab.vcard("fn"), p.name()));
        out.add(contact, Vocab.vcard("hasURL"), NodeFactory.createURI(uris.documentOf(uris.organization(publisherId).getURI()).orElseThrow()));
    }

    private void dataset(Emit out, Dataset d) {
        Node node = uris.dataset(d.slug);
        out.type(node, dcat("Dataset"));
        out.string(node, dct("identifier"), d.slug);
        out.texts(node, dct("title"), d.title());
        out.texts(node, dct("description"), d.description());
        describeCommon(out, node, d);
        out.dateTime(node, dct("issued"), d.createdAt);
        out.dateTime(node, dct("modified"), d.modifiedAt);
        Node landing = NodeFactory.createURI(uris.documentOf(node.getURI()).orElseThrow());
        out.add(node, dcat("landingPage"), landing);
        out.type(landing, foaf("Document"));
        out.type(uris.keywordScheme(), skos("ConceptScheme"));
        out.texts(uris.keywordScheme(), dct("title"), LocalizedText.of("数据集关键词", "Dataset keywords"));

        List<Release> all = releases.listFor(d.id);
        all.sort(Comparator.comparingInt(r -> r.number));
        Release current = all.stream().filter(r -> r.id.equals(d.currentReleaseId)).findFirst().orElse(null);
        if (current != null) {
            for (String format : FILE_TYPES.keySet()) {
                Node distribution = uris.distribution(d.slug, null, format);
                out.add(node, dcat("distribution"), distribution);
                distribution(out, distribution, d, current, null, format);
            }
            out.add(node, dcat("hasCurrentVersion"), uris.release(d.slug, current.number));
            out.string(node, dcat("version"), String.valueOf(current.number));
        }
        Release previous = null;
        for (Release release : all) {
            out.add(node, dcat("hasVersion"), uris.release(d.slug, release.number));
            release(out, d, release, previous);
            previous = release;
        }
    }

    /** What a dataset and each of its releases share: publisher, contact, keywords, themes, coverage, sources, profile. */
    private void describeCommon(Emit out, Node node, Dataset d) {
        out.add(node, dct("publisher"), uris.organization(d.publisherId));
        contactPoint(out, node, d.publisherId);
        for (var keyword : d.keywords) {
            out.text(node, dcat("keyword"), keyword.text, keyword.language);
            Node concept = uris.keyword(keyword.language, keyword.text);
            out.add(node, dct("subject"), concept);
            out.type(concept, skos("Concept"));
            out.text(concept, skos("prefLabel"), keyword.text, keyword.language);
            out.add(concept, skos("inScheme"), uris.keywordScheme());
        }
        for (String theme : d.themes) {
            reference.findConcept(Scheme.THEME, theme).ifPresent(c -> out.add(node, dcat("theme"), NodeFactory.createURI(c.uri)));
        }
        if (d.temporalStart != null || d.temporalEnd != null) {
            Node period = out.blank();
            out.add(node, dct("temporal"), period);
            out.type(period, dct("PeriodOfTime"));
            out.period(period, dcat("startDate"), d.temporalStart);
            out.period(period, dcat("endDate"), d.temporalEnd);
        }
        if (d.spatial != null) {
            out.add(node, dct("spatial"), uris.place(d.spatial));
        }
        reference.findConcept(Scheme.FREQUENCY, d.accrualPeriodicity)
                .ifPresent(c -> out.add(node, dct("accrualPeriodicity"), NodeFactory.createURI(c.uri)));
        // The documents the data is transcribed from. Not dct:source, whose value DCAT-AP requires to be a dataset.
        for (String source : d.sources) {
            out.add(node, prov("wasDerivedFrom"), uris.document(source));
        }
        if (d.profile != null) {
            out.add(node, dct("conformsTo"), uris.zjde(d.profile + "-profile"));
        }
    }

    private void release(Emit out, Dataset d, Release r, Release previous) {
        Node node = uris.release(d.slug, r.number);
        out.type(node, dcat("Dataset"));
        out.string(node, dct("identifier"), d.slug + "-r" + r.number);
        out.text(node, dct("title"), d.titleZh + "（第" + r.number + "版）", "zh");
        out.text(node, dct("title"), (d.titleEn == null ? d.slug : d.titleEn) + " (release " + r.number + ")", "en");
        out.texts(node, dct("description"), d.description());
        describeCommon(out, node, d);
        out.add(node, dct("isVersionOf"), uris.dataset(d.slug));
        out.string(node, dcat("version"), String.valueOf(r.number));
        // Free text in whatever language the publisher wrote (the seed notes are bilingual): no language tag.
        out.string(node, Vocab.iri(Vocab.ADMS, "versionNotes"), r.changeNote);
        out.dateTime(node, dct("issued"), r.issuedAt);
        if (previous != null) {
            out.add(node, dcat("previousVersion"), uris.release(d.slug, previous.number));
        }
        if (r.status == ReleaseStatus.WITHDRAWN) {
            out.add(node, Vocab.iri(Vocab.ADMS, "status"), NodeFactory.createURI(WITHDRAWN));
            out.dateTime(node, iri(Vocab.SCHEMA, "expires"), r.withdrawnAt);
            out.string(node, Vocab.skos("note"), r.withdrawalReason);
        }
        out.add(node, prov("wasAttributedTo"), uris.organization(d.publisherId));
        Node activity = out.blank();
        out.add(node, prov("wasGeneratedBy"), activity);
        out.type(activity, prov("Activity"));
        out.add(activity, prov("wasAssociatedWith"), "seed-import".equals(r.publishedBy)
                ? uris.agent("seed-import") : uris.organization(d.publisherId));
        out.dateTime(activity, prov("endedAtTime"), r.issuedAt);
        if (r.status != ReleaseStatus.WITHDRAWN) {
            for (String format : FILE_TYPES.keySet()) {
                Node distribution = uris.distribution(d.slug, r.number, format);
                out.add(node, dcat("distribution"), distribution);
                distribution(out, distribution, d, r, r.number, format);
            }
        }
    }

    private void distribution(Emit out, Node node, Dataset d, Release r, Integer number, String format) {
        out.type(node, dcat("Distribution"));
        String base = portal.resolve("api/datasets/" + d.slug + (number == null ? "" : "/releases/" + number) + "/");
        String download = switch (format) {
            case "excel-csv" -> base + "data.csv?excel=true";
            case "json" -> base + "data.json";
            default -> base + "data.csv";
        };
        LocalizedText title = switch (format) {
            case "excel-csv" -> LocalizedText.of("适用于 Excel 的 CSV", "Excel-friendly CSV");
            case "json" -> LocalizedText.of("JSON 记录数组", "JSON array of records");
            default -> LocalizedText.of("CSV（UTF-8）", "CSV (UTF-8)");
        };
        out.texts(node, dct("title"), title);
        String which = number == null ? "当前版本" : "第" + number + "版";
        String whichEn = number == null ? "the current release" : "release " + number;
        LocalizedText description = switch (format) {
            case "excel-csv" -> LocalizedText.of(which + "的数据，供电子表格软件打开的 CSV：带字节顺序标记的 UTF-8，形似公式的文本单元格已作中和处理。",
                    "The data of " + whichEn + " as CSV for spreadsheets: UTF-8 with a byte-order mark, formula-like text cells neutralised.");
            case "json" -> LocalizedText.of(which + "的数据，JSON 记录数组：每行一个对象，数值按列模式取类型。",
                    "The data of " + whichEn + " as a JSON array of records: one object per row, values typed by the column schema.");
            default -> LocalizedText.of(which + "的数据文件，原样提供的 CSV：UTF-8 编码，符合 RFC 4180，首行为列名。",
                    "The data file of " + whichEn + " as stored: CSV, UTF-8, RFC 4180, with a header row.");
        };
        out.texts(node, dct("description"), description);
        // DCAT-AP's planned availability (EU vocabulary): the portal keeps every published release's files
        // (a release never changes once published), so each distribution stays available.
        out.add(node, iri(Vocab.DCATAP, "availability"), iri(Vocab.EU_PLANNED_AVAILABILITY, "AVAILABLE"));
        out.add(node, dcat("accessURL"), NodeFactory.createURI(uris.documentOf(uris.dataset(d.slug).getURI()).orElseThrow()));
        out.add(node, dcat("downloadURL"), NodeFactory.createURI(download));
        Node media = NodeFactory.createURI(Vocab.IANA_MEDIA + MEDIA_TYPES.get(format));
        out.add(node, dcat("mediaType"), media);
        out.type(media, dct("MediaType"));
        Node fileType = iri(Vocab.EU_FILE_TYPE, FILE_TYPES.get(format));
        out.add(node, dct("format"), fileType);
        out.type(fileType, dct("MediaTypeOrExtent"));
        reference.findConcept(Scheme.LICENSE, d.license).ifPresent(c -> out.add(node, dct("license"), NodeFactory.createURI(c.uri)));
        out.dateTime(node, dct("issued"), r.issuedAt);
        String sha256 = switch (format) {
            case "excel-csv" -> r.excelCsvSha256;
            case "json" -> r.jsonSha256;
            default -> r.fileSha256;
        };
        Long byteSize = switch (format) {
            case "excel-csv" -> r.excelCsvByteSize;
            case "json" -> r.jsonByteSize;
            default -> r.byteSize;
        };
        if (sha256 != null && byteSize != null) { // releases published before these were recorded lack them
            out.typed(node, dcat("byteSize"), String.valueOf(byteSize), XSDDatatype.XSDnonNegativeInteger);
            Node checksum = out.blank();
            out.add(node, Vocab.spdx("checksum"), checksum);
            out.type(checksum, Vocab.spdx("Checksum"));
            out.add(checksum, Vocab.spdx("algorithm"), Vocab.spdx("checksumAlgorithm_sha256"));
            out.typed(checksum, Vocab.spdx("checksumValue"), sha256, XSDDatatype.XSDhexBinary);
        }
        if ("csv".equals(format)) {
            Node rfc4180 = NodeFactory.createURI("https://www.rfc-editor.org/rfc/rfc4180");
            out.add(node, dct("conformsTo"), rfc4180);
            out.type(rfc4180, dct("Standard"));
        }
    }
}
