package cn.zjdata.portal.reference;

import cn.zjdata.portal.common.LocalizedText;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** A unit of measure, convertible to the other units sharing its base. */
@Entity
@Table(name = "unit")
public class Unit extends PanacheEntityBase {

    @Id
    public String id;
    @Column(nullable = false)
    public String symbol;
    /** Other printed forms of the symbol, separated by '|'. */
    public String aliases;
    @Column(name = "name_zh", nullable = false)
    public String nameZh;
    @Column(name = "name_en")
    public String nameEn;
    @Column(name = "base_id", nullable = false)
    public String baseId;
    @Column(nullable = false, precision = 38, scale = 10)
    public BigDecimal factor;

    public LocalizedText name() {
        return LocalizedText.of(nameZh, nameEn);
    }

    public List<String> aliasList() {
        return aliases == null || aliases.isEmpty() ? List.of() : Arrays.asList(aliases.split("\\|"));
    }
}
