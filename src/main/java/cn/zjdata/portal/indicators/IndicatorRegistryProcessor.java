package cn.zjdata.portal.indicators;

import cn.zjdata.portal.publishing.ReleaseProcessor;
import cn.zjdata.portal.publishing.TableProfile;
import cn.zjdata.portal.reference.Concept.Scheme;
import cn.zjdata.portal.reference.ReferenceService;
import cn.zjdata.portal.tabular.CsvTables;
import cn.zjdata.portal.tabular.Datatype;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Keeps the indicator series in step with the current release of an indicator registry. Each registry
 * dataset owns its indicators: a code is defined by one registry only.
 */
@ApplicationScoped
public class IndicatorRegistryProcessor implements ReleaseProcessor {

    /** The columns every registry row must fill; aliases and definitions may stay empty. */
    private static final List<String> REQUIRED = List.of("code", "name_zh", "name_en", "category", "unit", "direction");
    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final IndicatorRepository indicators;
    private final ReferenceService reference;

    public IndicatorRegistryProcessor(IndicatorRepository indicators, ReferenceService reference) {
        this.indicators = indicators;
        this.reference = reference;
    }

    @Override
    public TableProfile profile() {
        return TableProfile.INDICATORS;
    }

    @Override
    public void apply(PublishedRelease release) throws IOException {
        ProfileErrors.requireColumns(profile().id, release.schema(),
                REQUIRED.stream().collect(Collectors.toMap(c -> c, c -> Set.of(Datatype.STRING))));
        ProfileErrors errors = new ProfileErrors(profile().id);
        Map<String, Indicator> incoming = new HashMap<>();
        int[] position = {0};
        CsvTables.readNamed(release.file(), release.schema(), row -> {
            if (!errors.requireCells(row, REQUIRED)) {
                return;
            }
            String code = row.text("code");
            if (code == null || !CODE.matcher(code).matches()) {
                errors.cell(row, "code", "an indicator code is lowercase letters, digits and hyphens");
                return;
            }
            if (incoming.containsKey(code)) {
                errors.cell(row, "code", "'" + code + "' is listed twice");
                return;
            }
            if (reference.findConcept(Scheme.CATEGORY, row.text("category")).isEmpty()) {
                errors.cell(row, "category", "not a known indicator category");
            }
            if (reference.findUnit(row.text("unit")).isEmpty()) {
                errors.cell(row, "unit", "not a known unit id");
            }
            if (!"increase".equals(row.text("direction")) && !"decrease".equals(row.text("direction"))) {
                errors.cell(row, "direction", "must be 'increase' or 'decrease'");
            }
            Indicator indicator = new Indicator();
            indicator.code = code;
            indicator.nameZh = row.text("name_zh");
            indicator.nameEn = row.text("name_en");
            indicator.aliases = row.texts("aliases").isEmpty() ? null : String.join(";", row.texts("aliases"));
            indicator.category = row.text("category");
            indicator.unitId = row.text("unit");
            indicator.direction = row.text("direction");
            indicator.definitionZh = row.text("definition_zh");
            indicator.definitionEn = row.text("definition_en");
            indicator.position = position[0]++;
            indicator.datasetId = release.datasetId();
            incoming.put(code, indicator);
        });
        for (Indicator existing : indicators.listAll()) {
            Indicator replacement = incoming.get(existing.code);
            if (!existing.datasetId.equals(release.datasetId())) {
                if (replacement != null) {
                    errors.general("code", "'" + existing.code + "' is already defined by another indicator registry");
                }
                continue;
            }
            if (replacement == null && indicators.observationCount(existing.code) > 0) {
                errors.general("code", "'" + existing.code + "' is still observed by published data and cannot be removed");
            } else if (replacement != null && !replacement.unitId.equals(existing.unitId)
                    && indicators.observationCount(existing.code) > 0) {
                errors.general("unit", "'" + existing.code + "' has observations in " + existing.unitId
                        + "; its canonical unit cannot change to " + replacement.unitId);
            }
        }
        errors.throwIfAny();
        indicators.replaceRegistry(release.datasetId(), incoming.values());
    }
}
