package cn.zjdata.portal.indicators;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/**
 * One figure of an indicator: a baseline, a target or an actual for a period, in the indicator's canonical
 * unit, with the value as printed and the document, section and sentence that state it. Derived from the
 * current release of an observations dataset.
 */
@Entity
@Table(name = "observation")
public class Observation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "indicator_code", nullable = false)
    public String indicatorCode;
    @Column(name = "indicator_name", nullable = false)
    public String indicatorName;
    @Column(nullable = false)
    public int period;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ObservationKind kind;
    /** The comparator's symbol (≥, >, =, ...). */
    @Column(nullable = false)
    public String comparator;
    @Column(name = "obs_value", nullable = false, precision = 38, scale = 10)
    public BigDecimal value;
    @Column(name = "unit_id", nullable = false)
    public String unitId;
    @Column(name = "value_as_printed", nullable = false)
    public String valueAsPrinted;
    @Column(name = "printed_unit", nullable = false)
    public String printedUnit;
    @Column(name = "plan_id")
    public String planId;
    @Column(name = "document_id", nullable = false)
    public String documentId;
    @Column(nullable = false)
    public String section;
    @Column(nullable = false)
    public String quote;
    public String note;
    @Column(name = "quality_note")
    public String qualityNote;
    @Column(name = "dataset_id", nullable = false)
    public Long datasetId;
    @Column(name = "release_id", nullable = false)
    public Long releaseId;
    @Column(name = "source_row", nullable = false)
    public int sourceRow;

    public ValueComparator comparatorValue() {
        return ValueComparator.of(comparator).orElse(ValueComparator.EQUAL);
    }
}
