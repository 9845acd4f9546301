package cn.zjdata.portal.indicators;

import cn.zjdata.portal.catalog.Dataset;
import cn.zjdata.portal.catalog.DatasetRepository;
import cn.zjdata.portal.catalog.Release;
import cn.zjdata.portal.catalog.ReleaseRepository;
import cn.zjdata.portal.common.NamedRef;
import cn.zjdata.portal.common.Page;
import cn.zjdata.portal.common.PageRequest;
import cn.zjdata.portal.common.PortalUris;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.indicators.IndicatorViews.DatasetLink;
import cn.zjdata.portal.indicators.IndicatorViews.Detail;
import cn.zjdata.portal.indicators.IndicatorViews.ObservationView;
import cn.zjdata.portal.indicators.IndicatorViews.SourceView;
import cn.zjdata.portal.indicators.IndicatorViews.Summary;
import cn.zjdata.portal.indicators.IndicatorViews.UnitView;
import cn.zjdata.portal.reference.Concept.Scheme;
import cn.zjdata.portal.reference.Plan;
import cn.zjdata.portal.reference.ReferenceService;
import cn.zjdata.portal.reference.SourceDocument;
import cn.zjdata.portal.reference.Unit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads indicators with their figures and progress. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class IndicatorService {

    private final IndicatorRepository indicators;
    private final DatasetRepository datasets;
    private final ReleaseRepository releases;
    private final ReferenceService reference;
    private final PortalUris uris;

    public IndicatorService(IndicatorRepository indicators, DatasetRepository datasets, ReleaseRepository releases,
                            ReferenceService reference, PortalUris uris) {
        this.indicators = indicators;
        this.datasets = datasets;
        this.releases = releases;
        this.reference = reference;
        this.uris = uris;
    }

    public Page<Summary> list(String category, String plan, PageRequest page) {
        if (category != null && reference.findConcept(Scheme.CATEGORY, category).isEmpty()) {
            throw ProblemException.badParameter("category", "'" + category + "' is not an indicator category");
        }
        if (plan != null && reference.findPlan(plan).isEmpty()) {
            throw ProblemException.badParameter("plan", "'" + plan + "' is not a plan");
        }
        List<Indicator> found = indicators.search(category, plan, page);
        Map<String, List<Observation>> observations = indicators.observations(found.stream().map(i -> i.code).toList())
                .stream().collect(Collectors.groupingBy(o -> o.indicatorCode));
        Context context = context();
        List<Summary> items = found.stream()
                .map(i -> summary(i, observations.getOrDefault(i.code, List.of()), context))
                .toList();
        return Page.of(items, page, indicators.count(category, plan));
    }

    public Detail show(String code) {
        Indicator indicator = indicators.findByIdOptional(code)
                .orElseThrow(() -> ProblemException.notFound("indicator", code));
        List<Observation> observations = indicators.observations(List.of(code));
        Context context = context();
        List<ObservationView> views = observations.stream()
                .sorted(Comparator.comparingInt((Observation o) -> o.period).thenComparing(o -> o.kind).thenComparing(o -> o.id))
                .map(o -> view(o, context))
                .toList();
        return new Detail(indicator.code, indicator.name(), indicator.aliasList(), category(indicator, context),
                unit(indicator.unitId, context), indicator.direction,
                cn.zjdata.portal.common.LocalizedText.of(indicator.definitionZh, indicator.definitionEn),
                plans(observations, context), ProgressCalculator.compute(indicator, observations, context.planStarts()),
                views);
    }

    /** Reference data looked up once per request. */
    private record Context(Map<String, Plan> plans, Map<String, Unit> units, Map<String, SourceDocument> documents,
                           Map<String, NamedRef> categories, Map<Long, Dataset> datasets, Map<Long, Release> releases) {
        Map<String, Integer> planStarts() {
            return plans.values().stream().collect(Collectors.toMap(p -> p.id, p -> p.startYear));
        }
    }

    private Context context() {
        return new Context(
                reference.listPlans().stream().collect(Collectors.toMap(p -> p.id, Function.identity())),
                reference.listUnits().stream().collect(Collectors.toMap(u -> u.id, Function.identity())),
                reference.listDocuments().stream().collect(Collectors.toMap(d -> d.id, Function.identity())),
                reference.listConcepts(Scheme.CATEGORY).stream()
                        .collect(Collectors.toMap(c -> c.code(), c -> new NamedRef(c.code(), c.label()))),
                new HashMap<>(), new HashMap<>());
    }

    private Summary summary(Indicator indicator, List<Observation> observations, Context context) {
        return new Summary(indicator.code, indicator.name(), indicator.aliasList(), category(indicator, context),
                unit(indicator.unitId, context), indicator.direction, plans(observations, context),
                ProgressCalculator.compute(indicator, observations, context.planStarts()),
                uris.resolve("api/indicators/" + indicator.code));
    }

    private ObservationView view(Observation o, Context context) {
        SourceDocument document = context.documents().get(o.documentId);
        Plan plan = o.planId == null ? null : context.plans().get(o.planId);
        Dataset dataset = context.datasets().computeIfAbsent(o.datasetId, id -> datasets.findById(id));
        Release release = context.releases().computeIfAbsent(o.releaseId, id -> releases.findById(id));
        return new ObservationView(o.period, o.kind.id, o.comparator, o.value.stripTrailingZeros(), o.unitId,
                o.valueAsPrinted, o.printedUnit, o.indicatorName,
                plan == null ? null : new NamedRef(plan.id, plan.name()),
                new SourceView(o.documentId, document == null ? null : document.title(), o.section, o.quote),
                o.note, o.qualityNote,
                new DatasetLink(dataset.slug, release.number, o.sourceRow,
                        uris.resolve("api/datasets/" + dataset.slug + "/releases/" + release.number)));
    }

    private static NamedRef category(Indicator indicator, Context context) {
        return context.categories().getOrDefault(indicator.category, new NamedRef(indicator.category, null));
    }

    private static UnitView unit(String unitId, Context context) {
        Unit unit = context.units().get(unitId);
        return unit == null ? new UnitView(unitId, null, null) : new UnitView(unit.id, unit.symbol, unit.name());
    }

    private static List<NamedRef> plans(List<Observation> observations, Context context) {
        return observations.stream().map(o -> o.planId).filter(Objects::nonNull).distinct()
                .map(context.plans()::get).filter(Objects::nonNull)
                .sorted(Comparator.comparingInt(p -> p.startYear))
                .map(p -> new NamedRef(p.id, p.name()))
                .toList();
    }
}
