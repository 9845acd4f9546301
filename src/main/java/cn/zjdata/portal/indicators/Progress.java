package cn.zjdata.portal.indicators;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;

/**
 * Where an indicator stands: its latest actual against its next target, and the share of the way from the
 * baseline to that target compared with the share of the time elapsed.
 *
 * @param status        on-track | behind | achieved | missed | baseline-only | no-actual | no-target
 * @param shareOfWay    (latest − baseline) / (target − baseline); null when it cannot be computed
 * @param expectedShare (latest year − baseline year) / (target year − baseline year): where a straight
 *                      line from the baseline to the target would be by the latest actual's year
 * @param targets       every target that has an actual for its year, achieved or missed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Progress(String status, Figure latestActual, Figure nextTarget, Figure baseline,
                       BigDecimal shareOfWay, BigDecimal expectedShare, List<Assessment> targets) {

    /** A figure the progress refers to. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Figure(int period, String kind, String comparator, BigDecimal value, String valueAsPrinted,
                         String plan, String source) {

        static Figure of(Observation o) {
            return o == null ? null : new Figure(o.period, o.kind.id, o.comparator, o.value.stripTrailingZeros(),
                    o.valueAsPrinted, o.planId, o.documentId);
        }
    }

    /** A target with an actual for its year: was it reached? */
    public record Assessment(Figure target, Figure actual, boolean achieved) {
    }
}
