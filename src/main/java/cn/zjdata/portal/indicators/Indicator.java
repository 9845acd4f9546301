package cn.zjdata.portal.indicators;

import cn.zjdata.portal.common.LocalizedText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Arrays;
import java.util.List;

/** An indicator series: one real-world quantity, however many documents name it and under which names. */
@Entity
@Table(name = "indicator")
public class Indicator {

    @Id
    public String code;
    @Column(name = "name_zh", nullable = false)
    public String nameZh;
    @Column(name = "name_en", nullable = false)
    public String nameEn;
    /** Other printed names, separated by ';'. */
    public String aliases;
    @Column(nullable = false)
    public String category;
    @Column(name = "unit_id", nullable = false)
    public String unitId;
    /** "increase" or "decrease": which way is progress. */
    @Column(nullable = false)
    public String direction;
    @Column(name = "definition_zh")
    public String definitionZh;
    @Column(name = "definition_en")
    public String definitionEn;
    /** Order in the registry. */
    @Column(nullable = false)
    public int position;
    /** The registry dataset that defines it. */
    @Column(name = "dataset_id", nullable = false)
    public Long datasetId;

    public LocalizedText name() {
        return LocalizedText.of(nameZh, nameEn);
    }

    public List<String> aliasList() {
        return aliases == null || aliases.isBlank() ? List.of() : Arrays.asList(aliases.split(";"));
    }

    public boolean increases() {
        return !"decrease".equals(direction);
    }
}
