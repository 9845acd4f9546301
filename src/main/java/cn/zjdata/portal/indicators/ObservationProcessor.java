package cn.zjdata.portal.indicators;

import cn.zjdata.portal.publishing.ReleaseProcessor;
import cn.zjdata.portal.publishing.TableProfile;
import cn.zjdata.portal.reference.ReferenceService;
import cn.zjdata.portal.tabular.CsvTables;
import cn.zjdata.portal.tabular.Datatype;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Derives the observations of a dataset of the observations profile from its current release: the rows of
 * the previous release are replaced by those of the new one, checked against the indicator registry.
 */
@ApplicationScoped
public class ObservationProcessor implements ReleaseProcessor {

    /** Every row fills these; plan, note and quality_note may stay empty. */
    private static final List<String> REQUIRED = List.of("indicator", "indicator_name", "period", "kind", "comparator",
            "value", "unit", "value_as_printed", "printed_unit", "source", "section", "quote");
    /** The profile's columns and the datatypes they may be declared with. */
    private static final Map<String, Set<Datatype>> COLUMNS = columns();
    /** What the observation table's numeric(38, 10) holds without rounding. */
    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(28);
    private static final int MAX_SCALE = 10;

    private static Map<String, Set<Datatype>> columns() {
        Map<String, Set<Datatype>> columns = new java.util.LinkedHashMap<>();
        REQUIRED.forEach(c -> columns.put(c, Set.of(Datatype.STRING)));
        columns.put("period", Set.of(Datatype.YEAR, Datatype.INTEGER));
        columns.put("value", Set.of(Datatype.DECIMAL, Datatype.INTEGER));
        return columns;
    }

    private final IndicatorRepository indicators;
    private final ReferenceService reference;

    public ObservationProcessor(IndicatorRepository indicators, ReferenceService reference) {
        this.indicators = indicators;
        this.reference = reference;
    }

    @Override
    public TableProfile profile() {
        return TableProfile.OBSERVATIONS;
    }

    @Override
    public void apply(PublishedRelease release) throws IOException {
        ProfileErrors.requireColumns(profile().id, release.schema(), COLUMNS);
        Map<String, Indicator> registry = indicators.listAll().stream()
                .collect(Collectors.toMap(i -> i.code, Function.identity()));
        ProfileErrors errors = new ProfileErrors(profile().id);
        List<Observation> observations = new ArrayList<>();
        CsvTables.readNamed(release.file(), release.schema(), row -> {
            if (!errors.requireCells(row, REQUIRED)) {
                return;
            }
            BigDecimal value = row.decimal("value");
            if (value.abs().compareTo(LIMIT) >= 0 || value.stripTrailingZeros().scale() > MAX_SCALE) {
                errors.cell(row, "value", "must be below 10^28 with at most " + MAX_SCALE + " decimal places");
            }
            BigDecimal year = row.decimal("period");
            if (year.compareTo(BigDecimal.valueOf(1000)) < 0 || year.compareTo(BigDecimal.valueOf(9999)) > 0) {
                errors.cell(row, "period", "must be a four-digit year");
                return;
            }
            int period = year.intValueExact();
            Indicator indicator = registry.get(row.text("indicator"));
            if (indicator == null) {
                errors.cell(row, "indicator", "not an indicator of the registry");
            } else if (!indicator.unitId.equals(row.text("unit"))) {
                errors.cell(row, "unit", "the indicator's values are in '" + indicator.unitId + "'");
            }
            ObservationKind kind = ObservationKind.of(row.text("kind")).orElse(null);
            if (kind == null) {
                errors.cell(row, "kind", "must be baseline, target or actual");
            }
            if (ValueComparator.of(row.text("comparator")).isEmpty()) {
                errors.cell(row, "comparator", "must be one of = ≥ > ≤ < ≈");
            }
            String plan = row.text("plan");
            if (plan != null && reference.findPlan(plan).isEmpty()) {
                errors.cell(row, "plan", "not a known plan");
            }
            if (plan == null && kind == ObservationKind.TARGET) {
                errors.cell(row, "plan", "a target needs the plan that sets it");
            }
            if (reference.findDocument(row.text("source")).isEmpty()) {
                errors.cell(row, "source", "not a known source document");
            }
            Observation o = new Observation();
            o.indicatorCode = row.text("indicator");
            o.indicatorName = row.text("indicator_name");
            o.period = period;
            o.kind = kind;
            o.comparator = row.text("comparator");
            o.value = value;
            o.unitId = row.text("unit");
            o.valueAsPrinted = row.text("value_as_printed");
            o.printedUnit = row.text("printed_unit");
            o.planId = plan;
            o.documentId = row.text("source");
            o.section = row.text("section");
            o.quote = row.text("quote");
            o.note = row.text("note");
            o.qualityNote = row.text("quality_note");
            o.datasetId = release.datasetId();
            o.releaseId = release.releaseId();
            o.sourceRow = (int) row.number();
            observations.add(o);
        });
        errors.throwIfAny();
        indicators.replaceObservations(release.datasetId(), observations);
    }
}
