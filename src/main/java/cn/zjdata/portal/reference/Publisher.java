package cn.zjdata.portal.reference;

import cn.zjdata.portal.common.LocalizedText;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A department that publishes datasets. */
@Entity
@Table(name = "publisher")
public class Publisher extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "name_zh", nullable = false)
    public String nameZh;
    @Column(name = "name_en")
    public String nameEn;
    @Column(name = "abbreviation_zh")
    public String abbreviationZh;
    @Column(name = "abbreviation_en")
    public String abbreviationEn;
    @Column(name = "description_zh")
    public String descriptionZh;
    @Column(name = "description_en")
    public String descriptionEn;
    public String kind;

    public LocalizedText name() {
        return LocalizedText.of(nameZh, nameEn);
    }
}
