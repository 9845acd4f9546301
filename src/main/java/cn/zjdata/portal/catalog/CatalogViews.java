package cn.zjdata.portal.catalog;

import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.common.NamedRef;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/** The API's representations of datasets and releases. */
public final class CatalogViews {

    private CatalogViews() {
    }

    /** A dataset in a list, with its download links. */
    public record DatasetSummary(String id, LocalizedText title, LocalizedText description, NamedRef publisher,
                                 List<NamedRef> themes, Keywords keywords, Instant modified, int release,
                                 List<Distribution> distributions, String href) {
    }

    /** A dataset with everything the catalog knows of it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DatasetDetail(String id, LocalizedText title, LocalizedText description, NamedRef publisher,
                                List<NamedRef> themes, Keywords keywords, Temporal temporal, NamedRef spatial,
                                NamedRef license, NamedRef accrualPeriodicity, List<SourceRef> sources,
                                String profile, Instant created, Instant modified, ReleaseView currentRelease,
                                List<Distribution> distributions, List<ColumnView> schema, List<String> primaryKey,
                                List<ReleaseView> releases) {
    }

    public record Keywords(List<String> zh, List<String> en) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Temporal(String start, String end) {
    }

    /** A document the data is transcribed from. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceRef(String id, LocalizedText title, String number, String issued) {
    }

    /**
     * A way to download the data: CSV, the Excel-friendly CSV, JSON, or the CSVW metadata describing the CSV.
     * Byte size and checksum are those of exactly what the download URL serves (without content coding); the
     * CSVW metadata has none.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Distribution(String id, LocalizedText title, String format, String mediaType, String downloadUrl,
                               Long byteSize, String checksum) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ColumnView(String name, LocalizedText title, LocalizedText description, String datatype,
                             boolean required, String unit, String separator, String pattern) {
    }

    /** One immutable release of a dataset. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReleaseView(int number, String status, Instant issued, String changeNote, String publishedBy,
                              long rowCount, long byteSize, String sha256, Instant withdrawn, String withdrawalReason,
                              List<Distribution> distributions, String href) {
    }
}
