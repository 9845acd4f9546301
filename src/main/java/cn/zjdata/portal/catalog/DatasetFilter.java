package cn.zjdata.portal.catalog;

/** Filters of the dataset list; null means "any". */
public record DatasetFilter(String theme, String publisher, String keyword, String text) {

    public static DatasetFilter none() {
        return new DatasetFilter(null, null, null, null);
    }
}
