package cn.zjdata.portal.indicators;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressCalculatorTest {

    private static final Map<String, Integer> PLAN_STARTS = Map.of("doubling", 2018, "fyp14", 2021);

    private static Indicator indicator(String direction) {
        Indicator i = new Indicator();
        i.code = "x";
        i.direction = direction;
        return i;
    }

    private static long ids = 1;

    private static Observation figure(int period, ObservationKind kind, String comparator, String value, String plan) {
        Observation o = new Observation();
        o.id = ids++;
        o.period = period;
        o.kind = kind;
        o.comparator = comparator;
        o.value = new BigDecimal(value);
        o.planId = plan;
        o.valueAsPrinted = value;
        o.documentId = "doc";
        return o;
    }

    @Test
    void anActualAheadOfTheStraightLineFromBaselineToTargetIsOnTrack() {
        // baseline 2017: 100, target 2022: 200; by 2020 (60% of the time) the actual is 170 (70% of the way)
        Progress p = ProgressCalculator.compute(indicator("increase"), List.of(
                figure(2017, ObservationKind.BASELINE, "=", "100", "doubling"),
                figure(2022, ObservationKind.TARGET, "=", "200", "doubling"),
                figure(2020, ObservationKind.ACTUAL, "=", "170", null)), PLAN_STARTS);
        assertEquals("on-track", p.status());
        assertEquals(0, new BigDecimal("0.7").compareTo(p.shareOfWay()));
        assertEquals(0, new BigDecimal("0.6").compareTo(p.expectedShare()));
        assertEquals(2017, p.baseline().period());
    }

    @Test
    void anActualBehindTheStraightLineIsBehind() {
        Progress p = ProgressCalculator.compute(indicator("increase"), List.of(
                figure(2017, ObservationKind.BASELINE, "=", "100", "doubling"),
                figure(2022, ObservationKind.TARGET, "=", "200", "doubling"),
                figure(2021, ObservationKind.ACTUAL, "=", "150", null)), PLAN_STARTS);
        assertEquals("behind", p.status());
    }

    @Test
    void aTargetWhoseYearHasComeIsAchievedOrMissedByItsComparator() {
        List<Observation> missed = List.of(
                figure(2017, ObservationKind.BASELINE, "=", "39.9", "doubling"),
                figure(2020, ObservationKind.TARGET, "=", "47", "doubling"),
                figure(2020, ObservationKind.ACTUAL, "=", "46.8", null));
        Progress p = ProgressCalculator.compute(indicator("increase"), missed, PLAN_STARTS);
        assertEquals("missed", p.status());
        assertFalse(p.targets().getFirst().achieved());

        Progress strict = ProgressCalculator.compute(indicator("increase"), List.of(
                figure(2022, ObservationKind.TARGET, ">", "80", "doubling"),
                figure(2022, ObservationKind.ACTUAL, "=", "80", null)), PLAN_STARTS);
        assertEquals("missed", strict.status(), "a '>' target is not reached at exactly its value");

        Progress atLeast = ProgressCalculator.compute(indicator("increase"), List.of(
                figure(2022, ObservationKind.TARGET, "≥", "80", "doubling"),
                figure(2022, ObservationKind.ACTUAL, ">", "80", null)), PLAN_STARTS);
        assertEquals("achieved", atLeast.status());
    }

    @Test
    void theNextTargetIsTheEarliestNotBeforeTheLatestActualAndItsPlanBaselineIsUsed() {
        Progress p = ProgressCalculator.compute(indicator("increase"), List.of(
                figure(2017, ObservationKind.BASELINE, "=", "20658", "doubling"),
                figure(2020, ObservationKind.TARGET, "=", "30000", "doubling"),
                figure(2022, ObservationKind.TARGET, "≥", "40000", "deepen"),
                figure(2022, ObservationKind.TARGET, "=", "40000", "doubling"),
                figure(2025, ObservationKind.TARGET, "≈", "60000", "fyp14"),
                figure(2020, ObservationKind.ACTUAL, "=", "30218", null),
                figure(2021, ObservationKind.ACTUAL, "=", "36000", null)), PLAN_STARTS);
        assertEquals(2021, p.latestActual().period());
        assertEquals(2022, p.nextTarget().period());
        assertEquals("doubling", p.nextTarget().plan(), "the target whose plan states a baseline");
        assertEquals(2017, p.baseline().period());
        assertEquals(1, p.targets().size(), "the 2020 target is assessed against the 2020 actual");
        assertTrue(p.targets().getFirst().achieved());
    }

    @Test
    void withoutAPlanBaselineTheLatestFigureUpToThePlansStartIsTheBaseline() {
        Progress p = ProgressCalculator.compute(indicator("increase"), List.of(
                figure(2018, ObservationKind.ACTUAL, "=", "5", null),
                figure(2020, ObservationKind.ACTUAL, "=", "6.5", null),
                figure(2025, ObservationKind.TARGET, "=", "8", "fyp14")), PLAN_STARTS);
        assertEquals(2020, p.baseline().period());
        assertEquals("baseline-only", p.status(), "nothing reported since the plan's baseline");
    }

    @Test
    void indicatorsThatShouldFallAreMirrored() {
        Progress p = ProgressCalculator.compute(indicator("decrease"), List.of(
                figure(2017, ObservationKind.BASELINE, "=", "10", "doubling"),
                figure(2022, ObservationKind.TARGET, "≤", "5", "doubling"),
                figure(2022, ObservationKind.ACTUAL, "=", "4", null)), PLAN_STARTS);
        assertEquals("achieved", p.status());
    }

    @Test
    void missingFiguresGiveAnExplicitStatus() {
        assertEquals("no-target", ProgressCalculator.compute(indicator("increase"),
                List.of(figure(2018, ObservationKind.ACTUAL, "=", "1", null)), PLAN_STARTS).status());
        Progress noActual = ProgressCalculator.compute(indicator("increase"),
                List.of(figure(2027, ObservationKind.TARGET, "=", "1", "doubling")), PLAN_STARTS);
        assertEquals("no-actual", noActual.status());
        assertNull(noActual.shareOfWay());
    }
}
