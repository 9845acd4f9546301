package cn.zjdata.portal.indicators;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes an indicator's {@link Progress} from its observations. The rules, in order:
 * <ol>
 * <li>The latest actual is the actual with the latest period.</li>
 * <li>The next target is the earliest target whose period is not before the latest actual's (any target
 *     when there is no actual); among several for that year, the most ambitious.</li>
 * <li>Its baseline is the plan's own baseline figure if the plan states one; otherwise the latest actual
 *     or baseline up to the plan's first year; otherwise the earliest figure before the target.</li>
 * <li>A target whose year has come is achieved when the actual of that year reaches it (≥, = and ≈
 *     targets are reached at the value, > targets above it; mirrored for indicators that should fall).</li>
 * <li>Otherwise the indicator is on track when the share of the way from baseline to target is at least
 *     the share of the time elapsed.</li>
 * </ol>
 */
public final class ProgressCalculator {

    private static final MathContext PRECISION = new MathContext(12, RoundingMode.HALF_EVEN);

    private ProgressCalculator() {
    }

    public static Progress compute(Indicator indicator, List<Observation> observations, Map<String, Integer> planStartYears) {
        boolean increase = indicator.increases();
        List<Observation> actuals = of(observations, ObservationKind.ACTUAL);
        List<Observation> targets = of(observations, ObservationKind.TARGET);
        List<Progress.Assessment> assessments = assess(actuals, targets, increase);
        Observation latest = actuals.stream().max(Comparator.comparingInt((Observation o) -> o.period)).orElse(null);

        Observation next = nextTarget(targets, latest, increase, observations).orElse(null);
        if (next == null) {
            String status = targets.isEmpty() ? "no-target"
                    : assessments.isEmpty() ? "no-actual"
                    : assessments.getLast().achieved() ? "achieved" : "missed";
            return new Progress(status, Progress.Figure.of(latest), null, null, null, null, assessments);
        }
        Observation baseline = baseline(observations, next, planStartYears).orElse(null);
        if (latest == null) {
            return new Progress("no-actual", null, Progress.Figure.of(next), Progress.Figure.of(baseline), null, null, assessments);
        }
        if (latest.period >= next.period) {
            String status = reaches(latest, next, increase) ? "achieved" : "missed";
            return new Progress(status, Progress.Figure.of(latest), Progress.Figure.of(next), Progress.Figure.of(baseline),
                    share(baseline, latest, next), null, assessments);
        }
        if (baseline == null || latest.period <= baseline.period) {
            return new Progress("baseline-only", Progress.Figure.of(latest), Progress.Figure.of(next),
                    Progress.Figure.of(baseline), null, null, assessments);
        }
        BigDecimal share = share(baseline, latest, next);
        BigDecimal expected = BigDecimal.valueOf(latest.period - baseline.period)
                .divide(BigDecimal.valueOf(next.period - baseline.period), PRECISION);
        boolean onTrack = share != null && share.compareTo(expected) >= 0;
        return new Progress(onTrack ? "on-track" : "behind", Progress.Figure.of(latest), Progress.Figure.of(next),
                Progress.Figure.of(baseline), share, round(expected), assessments);
    }

    /** Does an actual reach a target? */
    static boolean reaches(Observation actual, Observation target, boolean increase) {
        int cmp = actual.value.compareTo(target.value);
        if (!increase) {
            cmp = -cmp;
        }
        ValueComparator strict = increase ? ValueComparator.MORE_THAN : ValueComparator.LESS_THAN;
        if (target.comparatorValue() == strict) {
            return cmp > 0 || (cmp == 0 && actual.comparatorValue() == strict);
        }
        return cmp >= 0;
    }

    private static List<Progress.Assessment> assess(List<Observation> actuals, List<Observation> targets, boolean increase) {
        List<Progress.Assessment> assessments = new ArrayList<>();
        for (Observation target : targets) {
            actuals.stream().filter(a -> a.period == target.period).findFirst().ifPresent(actual ->
                    assessments.add(new Progress.Assessment(Progress.Figure.of(target), Progress.Figure.of(actual),
                            reaches(actual, target, increase))));
        }
        assessments.sort(Comparator.comparingInt(a -> a.target().period()));
        return assessments;
    }

    /**
     * The earliest target not before the latest actual; for several that year, the most ambitious, and
     * among equally ambitious ones the one whose plan states its own baseline.
     */
    private static Optional<Observation> nextTarget(List<Observation> targets, Observation latest, boolean increase,
                                                    List<Observation> observations) {
        int from = latest == null ? Integer.MIN_VALUE : latest.period;
        Comparator<Observation> ambition = Comparator.comparing(o -> o.value);
        Comparator<Observation> withBaseline = Comparator.comparing(t -> !hasPlanBaseline(t, observations));
        return targets.stream()
                .filter(t -> t.period >= from)
                .min(Comparator.comparingInt((Observation t) -> t.period)
                        .thenComparing(increase ? ambition.reversed() : ambition)
                        .thenComparing(withBaseline));
    }

    private static boolean hasPlanBaseline(Observation target, List<Observation> observations) {
        return observations.stream().anyMatch(o -> o.kind == ObservationKind.BASELINE
                && target.planId != null && target.planId.equals(o.planId) && o.period < target.period);
    }

    private static Optional<Observation> baseline(List<Observation> observations, Observation target,
                                                  Map<String, Integer> planStartYears) {
        List<Observation> before = observations.stream()
                .filter(o -> o.kind != ObservationKind.TARGET && o.period < target.period)
                .toList();
        Optional<Observation> planBaseline = before.stream()
                .filter(o -> o.kind == ObservationKind.BASELINE && target.planId != null && target.planId.equals(o.planId))
                .max(Comparator.comparingInt(o -> o.period));
        if (planBaseline.isPresent()) {
            return planBaseline;
        }
        Integer start = target.planId == null ? null : planStartYears.get(target.planId);
        if (start != null) {
            Optional<Observation> atStart = before.stream()
                    .filter(o -> o.period <= start)
                    .max(Comparator.comparingInt(o -> o.period));
            if (atStart.isPresent()) {
                return atStart;
            }
        }
        return before.stream().min(Comparator.comparingInt(o -> o.period));
    }

    private static BigDecimal share(Observation baseline, Observation latest, Observation target) {
        if (baseline == null) {
            return null;
        }
        BigDecimal way = target.value.subtract(baseline.value);
        if (way.signum() == 0) {
            return null;
        }
        return round(latest.value.subtract(baseline.value).divide(way, PRECISION));
    }

    private static BigDecimal round(BigDecimal value) {
        return value.setScale(4, RoundingMode.HALF_EVEN);
    }

    private static List<Observation> of(List<Observation> observations, ObservationKind kind) {
        return observations.stream().filter(o -> o.kind == kind).toList();
    }
}
