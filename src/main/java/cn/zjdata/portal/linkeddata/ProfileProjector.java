package cn.zjdata.portal.linkeddata;

import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.reference.Plan;
import cn.zjdata.portal.reference.ReferenceService;
import cn.zjdata.portal.tabular.NamedRow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.zjdata.portal.linkeddata.Vocab.LABEL;
import static cn.zjdata.portal.linkeddata.Vocab.dct;
import static cn.zjdata.portal.linkeddata.Vocab.skos;

/**
 * Maps the rows of a table of a known profile to the resources of the portal's vocabulary, as
 * {@code ontology/README.md} ("From the CSV columns to RDF") specifies.
 */
@ApplicationScoped
public class ProfileProjector {

    private static final Map<String, String> COMPARATORS = Map.of("=", "eq", "≥", "ge", ">", "gt", "≤", "le", "<", "lt", "≈", "approx");

    private final Uris uris;
    private final ReferenceService reference;

    public ProfileProjector(Uris uris, ReferenceService reference) {
        this.uris = uris;
        this.reference = reference;
    }

    /** Receives the rows of one table and writes what they stand for. */
    interface RowMapper {
        void row(NamedRow row);

        default void finish() {
        }
    }

    /** The mapper for a table's profile, or null when it has none. */
    RowMapper mapperFor(TableProjector.Table table, Emit out) {
        if (table.profile() == null) {
            return null;
        }
        return switch (table.profile()) {
            case INDICATORS -> row -> indicator(row, out);
            case OBSERVATIONS -> observations(table.slug(), out);
            case TASK_TARGETS -> new TaskTargets(out, plansByDocument());
            case ORGANIZATIONS -> row -> organization(row, out);
            case CITY_ROLES -> {
                Map<String, String> plans = plansByDocument();
                yield row -> cityRole(row, out, plans);
            }
        };
    }

    /**
     * The plan set out in each document. Read in a transaction of its own when none is active: the projection
     * runs on its worker thread after a publish, where no transaction or request context is (without one the
     * projection of a task-targets or city-roles table failed until the next start).
     */
    private Map<String, String> plansByDocument() {
        Map<String, String> plans = new HashMap<>();
        for (Plan plan : QuarkusTransaction.joiningExisting().call(reference::listPlans)) {
            if (plan.documentId != null) {
                plans.put(plan.documentId, plan.id);
            }
        }
        return plans;
    }

    private void indicator(NamedRow row, Emit out) {
        Node node = uris.indicator(row.text("code"));
        out.type(node, uris.zjde("Indicator"), skos("Concept"));
        out.add(node, skos("inScheme"), uris.zjde("indicatorScheme"));
        out.add(node, skos("topConceptOf"), uris.zjde("indicatorScheme"));
        out.string(node, skos("notation"), row.text("code"));
        out.texts(node, skos("prefLabel"), LocalizedText.of(row.text("name_zh"), row.text("name_en")));
        row.texts("aliases").forEach(a -> out.text(node, skos("altLabel"), a, "zh"));
        out.add(node, uris.zjde("category"), uris.category(row.text("category")));
        out.add(node, uris.zjde("canonicalUnit"), uris.unit(row.text("unit")));
        out.add(node, uris.zjde("direction"), uris.zjde("direction-" + row.text("direction")));
        out.texts(node, skos("definition"), LocalizedText.of(row.text("definition_zh"), row.text("definition_en")));
    }

    private RowMapper observations(String slug, Emit out) {
        Node dataset = uris.dataset(slug);
        out.type(dataset, Vocab.qb("DataSet"));
        out.add(dataset, Vocab.qb("structure"), uris.zjde("observationStructure"));
        return row -> {
            Node node = uris.observation(slug, row.text("indicator"), row.integer("period"), row.text("kind"),
                    row.text("source"), row.text("section"));
            out.type(node, Vocab.qb("Observation"));
            out.add(node, Vocab.qb("dataSet"), dataset);
            out.add(node, uris.zjde("indicator"), uris.indicator(row.text("indicator")));
            out.typed(node, uris.zjde("refYear"), String.valueOf(row.integer("period")), XSDDatatype.XSDgYear);
            out.add(node, uris.zjde("observationKind"), uris.zjde("kind-" + row.text("kind")));
            out.add(node, uris.zjde("sourceDocument"), uris.document(row.text("source")));
            out.string(node, uris.zjde("section"), row.text("section"));
            out.decimal(node, uris.zjde("value"), row.decimal("value"));
            out.add(node, Vocab.iri(Vocab.SDMX_ATTRIBUTE, "unitMeasure"), uris.unit(row.text("unit")));
            comparator(out, node, row.text("comparator"));
            out.string(node, uris.zjde("valueAsPrinted"), row.text("value_as_printed"));
            out.string(node, uris.zjde("printedUnit"), row.text("printed_unit"));
            out.text(node, uris.zjde("indicatorNameAsPrinted"), row.text("indicator_name"), "zh");
            out.text(node, uris.zjde("quote"), row.text("quote"), "zh");
            if (row.text("plan") != null) {
                out.add(node, uris.zjde("plan"), uris.plan(row.text("plan")));
            }
            provenance(out, node, row, false);
        };
    }

    /** Plan actions, tasks and measures as they appear, and one target per row. */
    private final class TaskTargets implements RowMapper {
        private final Emit out;
        private final Map<String, String> plans;
        private final Map<String, List<String>> measuresOfTask = new HashMap<>();

        TaskTargets(Emit out, Map<String, String> plans) {
            this.out = out;
            this.plans = plans;
        }

        @Override
        public void row(NamedRow row) {
            String plan = plans.getOrDefault(row.text("source"), row.text("source"));
            String[] id = row.text("target_id").split("\\.");
            String actionPath = "action/" + id[0];
            String taskPath = actionPath + "/task/" + (id.length > 1 ? id[1] : "0");
            Node action = uris.planItem(plan, actionPath);
            out.type(action, uris.zjde("PlanAction"), Vocab.prov("Plan"));
            out.texts(action, LABEL, LocalizedText.of(row.text("action"), row.text("action_en")));
            out.string(action, dct("identifier"), id[0]);
            out.add(action, dct("isPartOf"), uris.plan(plan));
            Node task = uris.planItem(plan, taskPath);
            out.type(task, uris.zjde("PlanTask"), Vocab.prov("Plan"));
            out.texts(task, LABEL, LocalizedText.of(row.text("task"), row.text("task_en")));
            out.string(task, dct("identifier"), id.length > 1 ? id[0] + "." + id[1] : id[0]);
            out.add(task, dct("isPartOf"), action);

            Node parent = task;
            String measureName = row.text("measure");
            List<Node> responsible = row.texts("responsible_units").stream().map(uris::organization).toList();
            if (measureName != null) {
                List<String> measures = measuresOfTask.computeIfAbsent(taskPath, k -> new ArrayList<>());
                if (!measures.contains(measureName)) {
                    measures.add(measureName);
                }
                Node measure = uris.planItem(plan, taskPath + "/measure/" + (measures.indexOf(measureName) + 1));
                out.type(measure, uris.zjde("PlanMeasure"), Vocab.prov("Plan"));
                out.texts(measure, LABEL, LocalizedText.of(measureName, row.text("measure_en")));
                out.add(measure, dct("isPartOf"), task);
                responsible.forEach(r -> out.add(measure, uris.zjde("responsibleUnit"), r));
                parent = measure;
            }
            Node target = uris.planItem(plan, "target/" + row.text("target_id"));
            out.type(target, uris.zjde("TaskTarget"));
            out.string(target, dct("identifier"), row.text("target_id"));
            out.add(target, dct("isPartOf"), parent);
            out.texts(target, LABEL, LocalizedText.of(row.text("target_zh"), row.text("target_en")));
            if (row.text("year") != null) {
                out.typed(target, uris.zjde("deadlineYear"), row.text("year"), XSDDatatype.XSDgYear);
            }
            if (row.value("annual") != null) {
                out.typed(target, uris.zjde("annual"), row.text("annual"), XSDDatatype.XSDboolean);
            }
            comparator(out, target, row.text("comparator"));
            out.decimal(target, uris.zjde("value"), row.decimal("value"));
            out.decimal(target, uris.zjde("valueMax"), row.decimal("value_max"));
            if (row.text("unit") != null) {
                out.add(target, Vocab.iri(Vocab.SDMX_ATTRIBUTE, "unitMeasure"), uris.unit(row.text("unit")));
            }
            out.string(target, uris.zjde("valueAsPrinted"), row.text("value_as_printed"));
            out.string(target, uris.zjde("printedUnit"), row.text("printed_unit"));
            if (row.text("indicator") != null) {
                out.add(target, uris.zjde("indicator"), uris.indicator(row.text("indicator")));
            }
            responsible.forEach(r -> out.add(target, uris.zjde("responsibleUnit"), r));
            out.text(target, uris.zjde("responsibleUnitsAsPrinted"), row.text("responsible_units_as_printed"), "zh");
            provenance(out, target, row, true);
        }
    }

    private void organization(NamedRow row, Emit out) {
        Node node = uris.organization(row.text("id"));
        out.type(node, Vocab.org("Organization"), Vocab.foaf("Agent"));
        if (!"collective".equals(row.text("kind"))) {
            out.type(node, Vocab.org("FormalOrganization"));
        }
        out.string(node, dct("identifier"), row.text("id"));
        out.texts(node, skos("prefLabel"), LocalizedText.of(row.text("full_name_zh"), row.text("name_en")));
        out.texts(node, Vocab.foaf("name"), LocalizedText.of(row.text("full_name_zh"), row.text("name_en")));
        out.text(node, uris.zjde("nameAsPrinted"), row.text("name_as_printed"), "zh");
        row.texts("aliases").forEach(a -> out.text(node, skos("altLabel"), a, "zh"));
        if (row.text("kind") != null) {
            out.add(node, Vocab.org("classification"), uris.zjde("org-kind-" + row.text("kind")));
        }
        provenance(out, node, row, true);
    }

    private void cityRole(NamedRow row, Emit out, Map<String, String> plans) {
        String code = row.text("code");
        Node city = uris.place(code);
        out.type(city, dct("Location"));
        out.string(city, skos("notation"), code);
        out.add(city, dct("isPartOf"), uris.place("330000"));
        out.texts(city, skos("prefLabel"), LocalizedText.of(row.text("name_zh"), row.text("name_en")));
        String plan = plans.getOrDefault(row.text("source"), row.text("source"));
        Node role = uris.planItem(plan, "city-role/" + code);
        out.type(role, uris.zjde("CityRole"));
        out.add(role, uris.zjde("city"), city);
        out.add(role, uris.zjde("plan"), uris.plan(plan));
        out.texts(role, uris.zjde("roleText"), LocalizedText.of(row.text("role_zh"), row.text("role_en")));
        List<String> zh = row.texts("designations_zh");
        List<String> en = row.texts("designations_en");
        for (int i = 0; i < zh.size(); i++) {
            Node designation = uris.planItem(plan, "city-role/" + code + "/designation/" + (i + 1));
            out.type(designation, uris.zjde("Designation"));
            out.text(designation, LABEL, zh.get(i), "zh");
            out.text(designation, LABEL, i < en.size() ? en.get(i) : null, "en");
            out.typed(designation, Vocab.iri(Vocab.SCHEMA, "position"), String.valueOf(i + 1), XSDDatatype.XSDinteger);
            out.add(role, uris.zjde("designation"), designation);
        }
        provenance(out, role, row, true);
    }

    private void comparator(Emit out, Node node, String symbol) {
        String local = COMPARATORS.get(symbol);
        if (local != null) {
            out.add(node, uris.zjde("comparator"), uris.zjde("comparator-" + local));
        }
    }

    /** Source document, section, quote, note and quality note of a row. */
    private void provenance(Emit out, Node node, NamedRow row, boolean withSource) {
        if (withSource && row.text("source") != null) {
            out.add(node, uris.zjde("sourceDocument"), uris.document(row.text("source")));
            out.string(node, uris.zjde("section"), row.text("section"));
            out.text(node, uris.zjde("quote"), row.text("quote"), "zh");
        }
        out.text(node, uris.zjde("note"), row.text("note"), "en");
        String quality = row.text("quality_note");
        if (quality != null) {
            Node annotation = out.blank();
            Node body = out.blank();
            out.add(node, Vocab.dqv("hasQualityAnnotation"), annotation);
            out.type(annotation, Vocab.dqv("QualityAnnotation"));
            out.add(annotation, Vocab.oa("hasTarget"), node);
            out.add(annotation, Vocab.oa("motivatedBy"), Vocab.dqv("qualityAssessment"));
            out.add(annotation, Vocab.oa("hasBody"), body);
            out.type(body, Vocab.oa("TextualBody"));
            out.text(body, Vocab.VALUE, quality, "en");
            out.string(body, dct("format"), "text/plain");
        }
    }
}
