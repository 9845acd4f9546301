package cn.zjdata.portal.catalog;

/** A release is published once and stays as it is; it can only be withdrawn. */
public enum ReleaseStatus {
    PUBLISHED, WITHDRAWN
}
