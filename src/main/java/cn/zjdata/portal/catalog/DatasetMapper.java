package cn.zjdata.portal.catalog;

import cn.zjdata.portal.catalog.CatalogViews.ColumnView;
import cn.zjdata.portal.catalog.CatalogViews.DatasetDetail;
import cn.zjdata.portal.catalog.CatalogViews.DatasetSummary;
import cn.zjdata.portal.catalog.CatalogViews.Distribution;
import cn.zjdata.portal.catalog.CatalogViews.Keywords;
import cn.zjdata.portal.catalog.CatalogViews.ReleaseView;
import cn.zjdata.portal.catalog.CatalogViews.SourceRef;
import cn.zjdata.portal.catalog.CatalogViews.Temporal;
import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.common.NamedRef;
import cn.zjdata.portal.common.PortalUris;
import cn.zjdata.portal.reference.Concept.Scheme;
import cn.zjdata.portal.reference.ReferenceService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** Turns catalog entities into the API's representations, resolving names of referenced records. */
@ApplicationScoped
public class DatasetMapper {

    private final ReferenceService reference;
    private final PortalUris uris;

    public DatasetMapper(ReferenceService reference, PortalUris uris) {
        this.reference = reference;
        this.uris = uris;
    }

    public DatasetSummary summary(Dataset d, Release current) {
        return new DatasetSummary(d.slug, d.title(), d.description(), publisher(d.publisherId), themes(d),
                keywords(d), d.modifiedAt, current == null ? 0 : current.number,
                distributions(d.slug, current, null), uris.resolve("api/datasets/" + d.slug));
    }

    public DatasetDetail detail(Dataset d, Release current, List<Release> releases) {
        List<SourceRef> sources = d.sources.stream()
                .map(id -> reference.findDocument(id)
                        .map(doc -> new SourceRef(doc.id, doc.title(), doc.number, doc.issued))
                        .orElse(new SourceRef(id, null, null, null)))
                .toList();
        return new DatasetDetail(d.slug, d.title(), d.description(), publisher(d.publisherId), themes(d), keywords(d),
                d.temporalStart == null && d.temporalEnd == null ? null : new Temporal(d.temporalStart, d.temporalEnd),
                d.spatial == null ? null : concept(Scheme.PLACE, d.spatial),
                concept(Scheme.LICENSE, d.license), concept(Scheme.FREQUENCY, d.accrualPeriodicity), sources,
                d.profile, d.createdAt, d.modifiedAt, current == null ? null : release(d.slug, current),
                distributions(d.slug, current, null),
                current == null ? List.of() : current.columns.stream().map(DatasetMapper::column).toList(),
                current == null ? List.of() : current.schema().primaryKey(),
                releases.stream().map(r -> release(d.slug, r)).toList());
    }

    public ReleaseView release(String slug, Release r) {
        return new ReleaseView(r.number, r.status.name().toLowerCase(), r.issuedAt, r.changeNote, r.publishedBy,
                r.rowCount, r.byteSize, r.fileSha256, r.withdrawnAt, r.withdrawalReason,
                distributions(slug, r, r.number), uris.resolve("api/datasets/" + slug + "/releases/" + r.number));
    }

    /** The download links of a dataset's latest release (release null) or of a given release. */
    private List<Distribution> distributions(String slug, Release r, Integer number) {
        if (r == null) {
            return List.of();
        }
        String base = uris.resolve("api/datasets/" + slug + (number == null ? "" : "/releases/" + number) + "/");
        List<Distribution> list = new ArrayList<>();
        list.add(new Distribution("csv", LocalizedText.of("CSV（UTF-8）", "CSV (UTF-8)"), "CSV", "text/csv",
                base + "data.csv", r.byteSize, "sha256:" + r.fileSha256));
        list.add(new Distribution("excel-csv", LocalizedText.of("适用于 Excel 的 CSV", "Excel-friendly CSV"), "CSV",
                "text/csv", base + "data.csv?excel=true", r.excelCsvByteSize,
                r.excelCsvSha256 == null ? null : "sha256:" + r.excelCsvSha256));
        list.add(new Distribution("json", LocalizedText.of("JSON 记录数组", "JSON array of records"), "JSON",
                "application/json", base + "data.json", r.jsonByteSize, r.jsonSha256 == null ? null : "sha256:" + r.jsonSha256));
        list.add(new Distribution("csvw", LocalizedText.of("CSVW 元数据", "CSVW metadata"), "JSON-LD",
                "application/csvm+json", base + "csv-metadata.json", null, null));
        return list;
    }

    private static ColumnView column(ReleaseColumn c) {
        return new ColumnView(c.name, LocalizedText.of(c.titleZh, c.titleEn), LocalizedText.of(c.descriptionZh, c.descriptionEn),
                c.datatype, c.required, c.unit, c.separator, c.pattern);
    }

    private NamedRef publisher(String id) {
        return reference.findPublisher(id).map(p -> new NamedRef(p.id, p.name())).orElse(new NamedRef(id, null));
    }

    private List<NamedRef> themes(Dataset d) {
        return d.themes.stream().map(t -> concept(Scheme.THEME, t)).toList();
    }

    private NamedRef concept(Scheme scheme, String code) {
        return reference.findConcept(scheme, code).map(c -> new NamedRef(c.code(), c.label()))
                .orElse(new NamedRef(code, null));
    }

    private static Keywords keywords(Dataset d) {
        return new Keywords(
                d.keywords.stream().filter(k -> "zh".equals(k.language)).map(k -> k.text).toList(),
                d.keywords.stream().filter(k -> "en".equals(k.language)).map(k -> k.text).toList());
    }
}
