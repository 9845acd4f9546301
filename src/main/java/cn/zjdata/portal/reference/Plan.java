package cn.zjdata.portal.reference;

import cn.zjdata.portal.common.LocalizedText;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A plan that sets targets: the doubling plan, the 14th five-year plan, ... */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "name_zh", nullable = false)
    public String nameZh;
    @Column(name = "name_en")
    public String nameEn;
    @Column(name = "start_year")
    public int startYear;
    @Column(name = "end_year")
    public int endYear;
    @Column(name = "document_id")
    public String documentId;

    public LocalizedText name() {
        return LocalizedText.of(nameZh, nameEn);
    }
}
