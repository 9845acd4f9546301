package cn.zjdata.portal.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A keyword in one language. */
@Embeddable
public class Keyword {

    @Column(name = "lang", nullable = false)
    public String language;
    @Column(name = "keyword", nullable = false)
    public String text;

    public Keyword() {
    }

    public Keyword(String language, String text) {
        this.language = language;
        this.text = text;
    }
}
