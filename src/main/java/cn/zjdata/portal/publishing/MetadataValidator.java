package cn.zjdata.portal.publishing;

import cn.zjdata.portal.catalog.DatasetMetadata;
import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.reference.Concept.Scheme;
import cn.zjdata.portal.reference.ReferenceService;
import cn.zjdata.portal.tabular.Column;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The portal's rules for dataset metadata: the DCAT-AP mandatory properties (title, description) and the
 * portal's own (Chinese title and description, a known publisher, theme, licence, update frequency, a
 * sound column schema). Errors are keyed by field so a form can show each beside its field.
 */
@ApplicationScoped
public class MetadataValidator {

    static final Pattern IDENTIFIER = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern PERIOD = Pattern.compile("\\d{4}(-\\d{2}-\\d{2})?");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    /** Control characters other than tab and line breaks, which a multi-line text may hold. */
    private static final Pattern CONTROL_IN_TEXT = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n\\r]]");

    private final ReferenceService reference;

    public MetadataValidator(ReferenceService reference) {
        this.reference = reference;
    }

    public List<FieldError> validate(DatasetMetadata m) {
        List<FieldError> errors = new ArrayList<>();
        if (m.identifier() == null || m.identifier().length() > 100 || !IDENTIFIER.matcher(m.identifier()).matches()) {
            errors.add(FieldError.of("identifier", "must be 1–100 lowercase letters, digits and single hyphens, was '"
                    + m.identifier() + "'"));
        }
        requireText(errors, "title.zh", m.title() == null ? null : m.title().zh(), 500, CONTROL);
        requireText(errors, "description.zh", m.description() == null ? null : m.description().zh(), 20_000, CONTROL_IN_TEXT);
        optionalText(errors, "title.en", m.title() == null ? null : m.title().en(), 500, CONTROL);
        optionalText(errors, "description.en", m.description() == null ? null : m.description().en(), 20_000, CONTROL_IN_TEXT);
        for (int i = 0; i < m.keywords().size(); i++) {
            requireText(errors, "keywords[" + i + "]", m.keywords().get(i).text(), 200, CONTROL);
        }
        if (m.publisher() == null || reference.findPublisher(m.publisher()).isEmpty()) {
            errors.add(FieldError.of("publisher", "'" + m.publisher() + "' is not a known publisher"));
        }
        if (m.themes().isEmpty()) {
            errors.add(FieldError.of("themes", "at least one theme is required"));
        }
        for (int i = 0; i < m.themes().size(); i++) {
            if (reference.findConceptByUri(Scheme.THEME, m.themes().get(i)).isEmpty()) {
                errors.add(FieldError.of("themes[" + i + "]", "'" + m.themes().get(i) + "' is not a known theme"));
            }
        }
        known(errors, "license", Scheme.LICENSE, m.license());
        known(errors, "accrualPeriodicity", Scheme.FREQUENCY, m.accrualPeriodicity());
        if (m.spatial() != null && reference.findConcept(Scheme.PLACE, m.spatial()).isEmpty()) {
            errors.add(FieldError.of("spatial", "'" + m.spatial() + "' is not a known place"));
        }
        for (int i = 0; i < m.sources().size(); i++) {
            if (reference.findDocument(m.sources().get(i)).isEmpty()) {
                errors.add(FieldError.of("sources[" + i + "]", "'" + m.sources().get(i) + "' is not a known source document"));
            }
        }
        checkTemporal(errors, m.temporalStart(), m.temporalEnd());
        if (m.profile() != null && TableProfile.of(m.profile()).isEmpty()) {
            errors.add(FieldError.of("profile", "'" + m.profile() + "' is not a table profile ("
                    + java.util.Arrays.stream(TableProfile.values()).map(p -> p.id).collect(java.util.stream.Collectors.joining(", ")) + ")"));
        }
        checkSchema(errors, m);
        return errors;
    }

    private void known(List<FieldError> errors, String field, Scheme scheme, String iri) {
        if (iri == null || reference.findConceptByUri(scheme, iri).isEmpty()) {
            errors.add(FieldError.of(field, "'" + iri + "' is not one of the portal's " + scheme.id + " values"));
        }
    }

    private static void checkTemporal(List<FieldError> errors, String start, String end) {
        if (start != null && !PERIOD.matcher(start).matches()) {
            errors.add(FieldError.of("temporal.start", "must be a year (2017) or a date (2017-01-01)"));
        }
        if (end != null && !PERIOD.matcher(end).matches()) {
            errors.add(FieldError.of("temporal.end", "must be a year (2022) or a date (2022-12-31)"));
        }
        if (start != null && end != null && start.compareTo(end) > 0) {
            errors.add(FieldError.of("temporal", "the start " + start + " is after the end " + end));
        }
    }

    private static void checkSchema(List<FieldError> errors, DatasetMetadata m) {
        List<Column> columns = m.schema().columns();
        if (columns.isEmpty()) {
            errors.add(FieldError.of("schema.columns", "the schema needs at least one column"));
        }
        if (columns.size() > 1000) {
            errors.add(FieldError.of("schema.columns", "a table may have at most 1000 columns, this one has " + columns.size()));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            String name = column.name();
            String field = "schema.columns[" + i + "]";
            if (name.isBlank() || name.length() > 200 || CONTROL.matcher(name).find()) {
                errors.add(FieldError.of(field + ".name", "a column name must be 1–200 printable characters"));
            } else if (!names.add(name)) {
                errors.add(FieldError.of(field + ".name", "'" + name + "' names two columns"));
            }
            if (column.title() != null) {
                optionalText(errors, field + ".title.zh", column.title().zh(), 500, CONTROL);
                optionalText(errors, field + ".title.en", column.title().en(), 500, CONTROL);
            }
            if (column.description() != null) {
                optionalText(errors, field + ".description.zh", column.description().zh(), 20_000, CONTROL_IN_TEXT);
                optionalText(errors, field + ".description.en", column.description().en(), 20_000, CONTROL_IN_TEXT);
            }
            optionalText(errors, field + ".unit", column.unit(), 100, CONTROL);
            optionalText(errors, field + ".format", column.pattern(), 1000, CONTROL);
            if (column.separator() != null && (column.separator().isEmpty() || column.separator().length() > 10
                    || CONTROL.matcher(column.separator()).find())) {
                errors.add(FieldError.of(field + ".separator", "a separator is 1–10 printable characters"));
            }
        }
        if (String.join(",", m.schema().primaryKey()).length() > 1000) {
            errors.add(FieldError.of("schema.primaryKey", "the primary key's column names are too long together (1000 characters at most)"));
        }
        for (String key : m.schema().primaryKey()) {
            if (!names.contains(key)) {
                errors.add(FieldError.of("schema.primaryKey", "'" + key + "' is not a column"));
            }
        }
    }

    private static void requireText(List<FieldError> errors, String field, String value, int max, Pattern forbidden) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, "is required"));
        } else {
            optionalText(errors, field, value, max, forbidden);
        }
    }

    private static void optionalText(List<FieldError> errors, String field, String value, int max, Pattern forbidden) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            errors.add(FieldError.of(field, "must be at most " + max + " characters"));
        } else if (forbidden.matcher(value).find()) {
            errors.add(FieldError.of(field, "contains a control character"));
        }
    }
}
