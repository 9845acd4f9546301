package cn.zjdata.portal.common;

/** A reference to another record: its id and its name in both languages. */
public record NamedRef(String id, LocalizedText name) {
}
