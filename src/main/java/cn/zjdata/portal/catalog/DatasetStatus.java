package cn.zjdata.portal.catalog;

/** Where a dataset is in its life. Only published datasets are listed publicly. */
public enum DatasetStatus {
    DRAFT, IN_REVIEW, PUBLISHED, WITHDRAWN
}
