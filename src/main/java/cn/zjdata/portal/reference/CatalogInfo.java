package cn.zjdata.portal.reference;

import cn.zjdata.portal.common.LocalizedText;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The catalog's own description: its title, description, publisher and licence. */
@Entity
@Table(name = "catalog_info")
public class CatalogInfo extends PanacheEntityBase {

    /** There is one catalog. */
    public static final int ID = 1;

    @Id
    public Integer id;
    @Column(name = "title_zh", nullable = false)
    public String titleZh;
    @Column(name = "title_en")
    public String titleEn;
    @Column(name = "description_zh", nullable = false)
    public String descriptionZh;
    @Column(name = "description_en")
    public String descriptionEn;
    @Column(name = "publisher_id", nullable = false)
    public String publisherId;
    @Column(nullable = false)
    public String license;

    public LocalizedText title() {
        return LocalizedText.of(titleZh, titleEn);
    }

    public LocalizedText description() {
        return LocalizedText.of(descriptionZh, descriptionEn);
    }
}
