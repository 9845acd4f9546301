package cn.zjdata.portal.downloads;

/** The formats a table can be downloaded in. */
public enum DownloadFormat {
    /** The stored CSV, byte for byte: UTF-8, RFC 4180. */
    CSV("csv", "text/csv; charset=utf-8; header=present", "csv"),
    /** CSV for spreadsheets: a UTF-8 byte-order mark and formula-like text cells neutralised. */
    EXCEL_CSV("excel-csv", "text/csv; charset=utf-8; header=present", "csv"),
    /** A JSON array of typed records. */
    JSON("json", "application/json", "json"),
    /** The CSVW metadata describing the CSV. */
    CSVW("csvw", "application/csvm+json", "json");

    public final String tag;
    public final String mediaType;
    public final String extension;

    DownloadFormat(String tag, String mediaType, String extension) {
        this.tag = tag;
        this.mediaType = mediaType;
        this.extension = extension;
    }
}
