package cn.zjdata.portal.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A text in Chinese (the portal's first language) and English. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocalizedText(String zh, String en) {

    public static LocalizedText of(String zh, String en) {
        return new LocalizedText(zh, en);
    }

    /** The text in the given language ("zh" or "en"), falling back to the other one. */
    public String in(String language) {
        String preferred = "en".equals(language) ? en : zh;
        if (preferred != null && !preferred.isBlank()) {
            return preferred;
        }
        return "en".equals(language) ? zh : en;
    }
}
