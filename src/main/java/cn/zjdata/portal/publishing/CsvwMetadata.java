package cn.zjdata.portal.publishing;

import cn.zjdata.portal.catalog.DatasetMetadata;
import cn.zjdata.portal.catalog.DatasetMetadata.KeywordText;
import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.tabular.Column;
import cn.zjdata.portal.tabular.Datatype;
import cn.zjdata.portal.tabular.TableSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes a dataset's metadata as a CSVW table description with DCAT / Dublin Core annotations
 * (the format of {@code datasets/<id>/csv-metadata.json}, documented in {@code datasets/README.md}).
 */
public final class CsvwMetadata {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String DEFAULT_LANGUAGE = "zh";

    private CsvwMetadata() {
    }

    /** The metadata read from a CSVW document, the CSV it describes, and what was wrong with its structure. */
    public record Parsed(DatasetMetadata metadata, String url, List<FieldError> errors) {
    }

    public static Parsed read(JsonNode root) {
        List<FieldError> errors = new ArrayList<>();
        if (root == null || !root.isObject()) {
            return new Parsed(null, null, List.of(FieldError.of("metadata", "must be a JSON object")));
        }
        TableSchema schema = readSchema(root.path("tableSchema"), errors);
        JsonNode temporal = root.path("dc:temporal");
        DatasetMetadata metadata = new DatasetMetadata(
                text(root.get("dc:identifier")),
                languageMap(root.get("dc:title")),
                languageMap(root.get("dc:description")),
                text(root.get("dc:publisher")),
                iris(root.get("dcat:theme")),
                keywords(root.get("dcat:keyword")),
                text(temporal.get("dcat:startDate")),
                text(temporal.get("dcat:endDate")),
                text(root.get("dc:spatial")),
                iri(root.get("dc:license")),
                iri(root.get("dc:accrualPeriodicity")),
                strings(root.get("dc:source")),
                text(root.get("dc:conformsTo")),
                schema);
        return new Parsed(metadata, text(root.get("url")), errors);
    }

    /** The CSVW description of a dataset's metadata, describing the CSV at {@code url}. */
    public static ObjectNode write(DatasetMetadata m, String url) {
        ObjectNode root = NODES.objectNode();
        root.set("@context", NODES.arrayNode().add("http://www.w3.org/ns/csvw")
                .add(NODES.objectNode().put("@language", DEFAULT_LANGUAGE)));
        root.put("url", url);
        root.put("dc:identifier", m.identifier());
        root.set("dc:title", languageValues(m.title()));
        root.set("dc:description", languageValues(m.description()));
        root.put("dc:publisher", m.publisher());
        ArrayNode themes = root.putArray("dcat:theme");
        m.themes().forEach(t -> themes.addObject().put("@id", t));
        ArrayNode keywords = root.putArray("dcat:keyword");
        m.keywords().forEach(k -> keywords.addObject().put("@value", k.text()).put("@language", k.language()));
        ObjectNode temporal = root.putObject("dc:temporal");
        putIfPresent(temporal, "dcat:startDate", m.temporalStart());
        putIfPresent(temporal, "dcat:endDate", m.temporalEnd());
        putIfPresent(root, "dc:spatial", m.spatial());
        root.putObject("dc:license").put("@id", m.license());
        root.putObject("dc:accrualPeriodicity").put("@id", m.accrualPeriodicity());
        ArrayNode sources = root.putArray("dc:source");
        m.sources().forEach(sources::add);
        putIfPresent(root, "dc:conformsTo", m.profile());
        root.set("tableSchema", writeSchema(m.schema()));
        return root;
    }

    // --- schema ------------------------------------------------------------------------------

    private static TableSchema readSchema(JsonNode node, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(FieldError.of("tableSchema", "is missing"));
            return new TableSchema(List.of(), List.of());
        }
        List<Column> columns = new ArrayList<>();
        JsonNode list = node.path("columns");
        if (!list.isArray() || list.isEmpty()) {
            errors.add(FieldError.of("tableSchema.columns", "must list at least one column"));
        }
        int index = 0;
        for (JsonNode c : list) {
            String field = "tableSchema.columns[" + index++ + "]";
            Column column = readColumn(c, field, errors);
            if (column != null) {
                columns.add(column);
            }
        }
        return new TableSchema(columns, strings(node.get("primaryKey")));
    }

    private static Column readColumn(JsonNode c, String field, List<FieldError> errors) {
        String name = text(c.get("name"));
        if (name == null || name.isBlank()) {
            errors.add(FieldError.of(field + ".name", "a column needs a name"));
            return null;
        }
        JsonNode datatypeNode = c.get("datatype");
        String base = datatypeNode == null ? "string"
                : datatypeNode.isObject() ? text(datatypeNode.get("base")) : datatypeNode.asText();
        Datatype datatype = Datatype.fromCsvw(base == null ? "string" : base).orElse(null);
        if (datatype == null) {
            errors.add(FieldError.of(field + ".datatype", "'" + base + "' is not a supported datatype "
                    + "(string, integer, decimal, boolean, date, gYear)"));
            return null;
        }
        String format = datatypeNode != null && datatypeNode.isObject() ? text(datatypeNode.get("format")) : null;
        BigDecimal minimum = decimal(c, datatypeNode, "minimum");
        BigDecimal maximum = decimal(c, datatypeNode, "maximum");
        try {
            return new Column(name, naturalLanguage(c.get("titles")), languageMap(c.get("dc:description")), datatype,
                    format, c.path("required").asBoolean(false), text(c.get("schema:unitText")),
                    text(c.get("separator")), minimum, maximum);
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of(field + ".datatype.format", e.getMessage()));
            return null;
        }
    }

    private static BigDecimal decimal(JsonNode column, JsonNode datatype, String property) {
        JsonNode value = column.has(property) ? column.get(property)
                : datatype != null && datatype.isObject() ? datatype.get(property) : null;
        return value == null || value.isNull() ? null : new BigDecimal(value.asText());
    }

    private static ObjectNode writeSchema(TableSchema schema) {
        ObjectNode node = NODES.objectNode();
        ArrayNode columns = node.putArray("columns");
        for (Column c : schema.columns()) {
            ObjectNode col = columns.addObject();
            col.put("name", c.name());
            if (c.title() != null) {
                ObjectNode titles = col.putObject("titles");
                putIfPresent(titles, "zh", c.title().zh());
                putIfPresent(titles, "en", c.title().en());
            }
            if (c.description() != null && (c.description().zh() != null || c.description().en() != null)) {
                col.set("dc:description", languageValues(c.description()));
            }
            if (c.pattern() != null || c.minimum() != null || c.maximum() != null) {
                ObjectNode datatype = col.putObject("datatype").put("base", c.datatype().csvw);
                putIfPresent(datatype, "format", c.pattern());
                if (c.minimum() != null) {
                    datatype.put("minimum", c.minimum());
                }
                if (c.maximum() != null) {
                    datatype.put("maximum", c.maximum());
                }
            } else {
                col.put("datatype", c.datatype().csvw);
            }
            col.put("required", c.required());
            putIfPresent(col, "separator", c.separator());
            putIfPresent(col, "schema:unitText", c.unit());
        }
        if (!schema.primaryKey().isEmpty()) {
            ArrayNode key = node.putArray("primaryKey");
            schema.primaryKey().forEach(key::add);
        }
        return node;
    }

    // --- JSON-LD values -----------------------------------------------------------------------

    /** Language-tagged values ({"@value", "@language"}), a single one, or a plain string (Chinese). */
    private static LocalizedText languageMap(JsonNode node) {
        if (node == null || node.isNull()) {
            return LocalizedText.of(null, null);
        }
        String zh = null;
        String en = null;
        for (JsonNode value : node.isArray() ? node : List.of(node)) {
            String language = value.isObject() ? value.path("@language").asText(DEFAULT_LANGUAGE) : DEFAULT_LANGUAGE;
            String text = value.isObject() ? text(value.get("@value")) : value.asText();
            if (language.startsWith("zh") && zh == null) {
                zh = text;
            } else if (language.startsWith("en") && en == null) {
                en = text;
            }
        }
        return LocalizedText.of(zh, en);
    }

    /** A CSVW natural-language property: a string, or an object of language → string. */
    private static LocalizedText naturalLanguage(JsonNode node) {
        if (node == null || node.isNull()) {
            return LocalizedText.of(null, null);
        }
        if (node.isTextual()) {
            return LocalizedText.of(node.asText(), null);
        }
        String zh = null;
        String en = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String text = e.getValue().isArray() ? e.getValue().path(0).asText() : e.getValue().asText();
            if (e.getKey().startsWith("zh")) {
                zh = text;
            } else if (e.getKey().startsWith("en")) {
                en = text;
            }
        }
        return LocalizedText.of(zh, en);
    }

    private static ArrayNode languageValues(LocalizedText text) {
        ArrayNode values = NODES.arrayNode();
        if (text != null && text.zh() != null) {
            values.addObject().put("@value", text.zh()).put("@language", "zh");
        }
        if (text != null && text.en() != null) {
            values.addObject().put("@value", text.en()).put("@language", "en");
        }
        return values;
    }

    private static List<KeywordText> keywords(JsonNode node) {
        List<KeywordText> keywords = new ArrayList<>();
        if (node == null) {
            return keywords;
        }
        for (JsonNode k : node.isArray() ? node : List.of(node)) {
            String language = k.isObject() ? k.path("@language").asText(DEFAULT_LANGUAGE) : DEFAULT_LANGUAGE;
            String text = k.isObject() ? text(k.get("@value")) : k.asText();
            if (text != null && !text.isBlank()) {
                keywords.add(new KeywordText(language.startsWith("en") ? "en" : "zh", text.strip()));
            }
        }
        return keywords;
    }

    private static List<String> iris(JsonNode node) {
        List<String> iris = new ArrayList<>();
        if (node == null) {
            return iris;
        }
        for (JsonNode n : node.isArray() ? node : List.of(node)) {
            String iri = iri(n);
            if (iri != null) {
                iris.add(iri);
            }
        }
        return iris;
    }

    private static String iri(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isObject() ? text(node.get("@id")) : node.asText();
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        for (JsonNode n : node.isArray() ? node : List.of(node)) {
            values.add(n.asText());
        }
        return values;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
