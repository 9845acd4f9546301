package cn.zjdata.portal.reference;

import cn.zjdata.portal.common.LocalizedText;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;

/** An entry of a small code list (a SKOS concept): a theme, an indicator category, a place, a licence, a frequency. */
@Entity
@Table(name = "concept")
public class Concept extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    public String uri;
    @Column(name = "label_zh", nullable = false)
    public String labelZh;
    @Column(name = "label_en")
    public String labelEn;
    public int position;

    public String scheme() {
        return key.scheme;
    }

    public String code() {
        return key.code;
    }

    public LocalizedText label() {
        return LocalizedText.of(labelZh, labelEn);
    }

    @Embeddable
    public static class Key implements Serializable {
        public String scheme;
        public String code;

        public Key() {
        }

        public Key(Scheme scheme, String code) {
            this.scheme = scheme.id;
            this.code = code;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.scheme.equals(scheme) && k.code.equals(code);
        }

        @Override
        public int hashCode() {
            return scheme.hashCode() * 31 + code.hashCode();
        }
    }

    /** The code lists the portal keeps. */
    public enum Scheme {
        THEME("theme"), CATEGORY("category"), PLACE("place"), LICENSE("license"), FREQUENCY("frequency");

        public final String id;

        Scheme(String id) {
            this.id = id;
        }
    }
}
