package cn.zjdata.portal.staff;

import cn.zjdata.portal.catalog.DatasetMetadata;
import cn.zjdata.portal.catalog.DatasetMetadata.KeywordText;
import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.staff.StaffPageViews.ColumnRow;
import cn.zjdata.portal.staff.StaffPageViews.FormErrors;
import cn.zjdata.portal.staff.StaffPageViews.MetadataValues;
import cn.zjdata.portal.tabular.Column;
import cn.zjdata.portal.tabular.Datatype;
import cn.zjdata.portal.tabular.TableSchema;
import org.jboss.resteasy.reactive.RestForm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metadata form of the staff pages as posted ({@code application/x-www-form-urlencoded}): the values it
 * carries, the {@link DatasetMetadata} they make, and which input each error of the metadata rules belongs to.
 * Column rows are parallel lists ({@code col_name}, {@code col_title_zh}…); a row's required checkbox sends
 * the row's index, since unticked boxes send nothing.
 */
public class MetadataForm {

    /** Empty column rows offered after the saved ones, to add columns. */
    static final int BLANK_ROWS = 3;
    /** Keywords are separated by commas (either width), 、 or semicolons, or written one a line. */
    private static final Pattern KEYWORD_SEPARATORS = Pattern.compile("[,，、;；\\r\\n]+");
    private static final Pattern COLUMN_FIELD = Pattern.compile("(?:schema|tableSchema)\\.columns\\[(\\d+)](?:\\.(.+))?");
    private static final Pattern KEYWORD_FIELD = Pattern.compile("keywords\\[(\\d+)]");

    @RestForm
    public String identifier;
    @RestForm("title_zh")
    public String titleZh;
    @RestForm("title_en")
    public String titleEn;
    @RestForm("description_zh")
    public String descriptionZh;
    @RestForm("description_en")
    public String descriptionEn;
    @RestForm
    public String publisher;
    @RestForm
    public List<String> themes;
    @RestForm("keywords_zh")
    public String keywordsZh;
    @RestForm("keywords_en")
    public String keywordsEn;
    @RestForm
    public String license;
    @RestForm
    public String frequency;
    @RestForm("temporal_start")
    public String temporalStart;
    @RestForm("temporal_end")
    public String temporalEnd;
    @RestForm
    public String spatial;
    @RestForm("col_original")
    public List<String> colOriginal;
    @RestForm("col_name")
    public List<String> colName;
    @RestForm("col_title_zh")
    public List<String> colTitleZh;
    @RestForm("col_title_en")
    public List<String> colTitleEn;
    @RestForm("col_datatype")
    public List<String> colDatatype;
    @RestForm("col_required")
    public List<String> colRequired;
    @RestForm("col_unit")
    public List<String> colUnit;
    @RestForm("primary_key")
    public String primaryKey;
    @RestForm
    public String expectedVersion;

    /**
     * The metadata the form makes, and how to find the input of each metadata error again.
     *
     * @param rowOfColumn the form row of each column of the schema (blank rows are left out of the schema)
     * @param keywordLanguages the language of each keyword, in the order of the metadata's keyword list
     */
    public record Built(DatasetMetadata metadata, List<Integer> rowOfColumn, List<String> keywordLanguages) {
    }

    /**
     * The metadata of the form. {@code saved} is the dataset's metadata as saved (null for a new dataset):
     * what the form does not show comes from it (source documents, table profile, and each column's description,
     * allowed values, range and list separator, found by the row's original name). {@code fixedIdentifier}
     * replaces the posted identifier when the dataset exists.
     */
    public Built build(DatasetMetadata saved, String fixedIdentifier) {
        List<KeywordText> keywords = new ArrayList<>();
        List<String> keywordLanguages = new ArrayList<>();
        for (String k : split(keywordsZh, KEYWORD_SEPARATORS)) {
            keywords.add(new KeywordText("zh", k));
            keywordLanguages.add("zh");
        }
        for (String k : split(keywordsEn, KEYWORD_SEPARATORS)) {
            keywords.add(new KeywordText("en", k));
            keywordLanguages.add("en");
        }
        List<Column> columns = new ArrayList<>();
        List<Integer> rowOfColumn = new ArrayList<>();
        for (ColumnRow row : rows()) {
            if (isBlank(row)) {
                continue;
            }
            Column before = saved == null || row.original() == null ? null
                    : saved.schema().column(row.original()).orElse(null);
            Datatype datatype = Datatype.fromCsvw(row.datatype()).orElse(Datatype.STRING);
            columns.add(new Column(row.name(), LocalizedText.of(clean(row.titleZh()), clean(row.titleEn())),
                    before == null ? null : before.description(), datatype, before == null ? null : before.pattern(),
                    row.required(), clean(row.unit()), before == null ? null : before.separator(),
                    before == null ? null : before.minimum(), before == null ? null : before.maximum()));
            rowOfColumn.add(row.index());
        }
        DatasetMetadata metadata = new DatasetMetadata(
                fixedIdentifier != null ? fixedIdentifier : clean(identifier),
                LocalizedText.of(clean(titleZh), clean(titleEn)),
                LocalizedText.of(cleanText(descriptionZh), cleanText(descriptionEn)),
                clean(publisher),
                themes == null ? List.of() : themes.stream().map(MetadataForm::clean).filter(t -> t != null).toList(),
                keywords, clean(temporalStart), clean(temporalEnd), clean(spatial), clean(license), clean(frequency),
                saved == null ? List.of() : saved.sources(), saved == null ? null : saved.profile(),
                new TableSchema(columns, split(primaryKey, Pattern.compile("[,，]+"))));
        return new Built(metadata, rowOfColumn, keywordLanguages);
    }

    /** The posted values, to show the form again as it was sent. */
    public MetadataValues values(boolean editing, String fixedIdentifier) {
        List<ColumnRow> rows = rows();
        if (rows.isEmpty() || !isBlank(rows.getLast())) {
            addBlankRows(rows);
        }
        return new MetadataValues(editing, fixedIdentifier != null ? fixedIdentifier : orEmpty(identifier),
                orEmpty(titleZh), orEmpty(titleEn), orEmpty(descriptionZh), orEmpty(descriptionEn), orEmpty(publisher),
                themes == null ? List.of() : List.copyOf(themes), orEmpty(keywordsZh), orEmpty(keywordsEn),
                orEmpty(license), orEmpty(frequency), orEmpty(temporalStart), orEmpty(temporalEnd), orEmpty(spatial),
                rows, orEmpty(primaryKey), version());
    }

    /** The saved metadata as form values, with {@link #BLANK_ROWS} empty column rows after the columns. */
    public static MetadataValues values(DatasetMetadata m, boolean editing, Long version) {
        List<ColumnRow> rows = new ArrayList<>();
        for (Column c : m.schema().columns()) {
            rows.add(new ColumnRow(rows.size(), c.name(), c.name(), c.title() == null ? "" : orEmpty(c.title().zh()),
                    c.title() == null ? "" : orEmpty(c.title().en()), c.datatype().csvw, c.required(), orEmpty(c.unit())));
        }
        addBlankRows(rows);
        return new MetadataValues(editing, m.identifier(), orEmpty(m.title().zh()), orEmpty(m.title().en()),
                orEmpty(m.description().zh()), orEmpty(m.description().en()), orEmpty(m.publisher()), m.themes(),
                keywords(m, "zh"), keywords(m, "en"), orEmpty(m.license()), orEmpty(m.accrualPeriodicity()),
                orEmpty(m.temporalStart()), orEmpty(m.temporalEnd()), orEmpty(m.spatial()), rows,
                String.join(", ", m.schema().primaryKey()), version);
    }

    /** An empty form for a new dataset: the first publisher, licence and frequency chosen, empty column rows. */
    public static MetadataValues blank(String publisher, String license, String frequency) {
        List<ColumnRow> rows = new ArrayList<>();
        addBlankRows(rows);
        return new MetadataValues(false, "", "", "", "", "", orEmpty(publisher), List.of(), "", "", orEmpty(license),
                orEmpty(frequency), "", "", "", rows, "", null);
    }

    /** The version the form was filled from, or null when it is missing or not a number. */
    public Long version() {
        return parseVersion(expectedVersion);
    }

    /** A dataset version sent by a form ({@code expectedVersion}), or null when it is missing or not a number. */
    static Long parseVersion(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The errors of a refused save, each under its input where the form has one. */
    public static FormErrors errors(ProblemException problem, Built built) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        List<FieldError> unmatched = new ArrayList<>();
        for (FieldError e : problem.errors()) {
            String field = fieldOf(e.field(), built);
            if (field == null) {
                unmatched.add(e);
            } else {
                byField.computeIfAbsent(field, f -> new ArrayList<>()).add(e.message());
            }
        }
        return new FormErrors(problem.status(), problem.getMessage(), byField, unmatched);
    }

    /** The form field of a column row's part: col.{row}.{part}. */
    static String columnField(int row, String part) {
        return "col." + row + "." + part;
    }

    /**
     * The input an error of the metadata rules ({@code MetadataValidator}, {@code CsvwMetadata}) belongs to,
     * or null when the form has none (source documents, table profile).
     */
    static String fieldOf(String field, Built built) {
        if (field == null) {
            return null;
        }
        Matcher column = COLUMN_FIELD.matcher(field);
        if (column.matches()) {
            int index = Integer.parseInt(column.group(1));
            if (index >= built.rowOfColumn().size()) {
                return "columns";
            }
            int row = built.rowOfColumn().get(index);
            String part = column.group(2) == null ? "" : column.group(2);
            return columnField(row, switch (part) {
                case "name" -> "name";
                case "title.zh" -> "title_zh";
                case "title.en" -> "title_en";
                case "unit" -> "unit";
                case "datatype", "datatype.format" -> "datatype";
                default -> "row";
            });
        }
        Matcher keyword = KEYWORD_FIELD.matcher(field);
        if (keyword.matches()) {
            int index = Integer.parseInt(keyword.group(1));
            return index < built.keywordLanguages().size() && built.keywordLanguages().get(index).equals("en")
                    ? "keywords_en" : "keywords_zh";
        }
        if (field.startsWith("themes")) {
            return "themes";
        }
        return switch (field) {
            case "identifier", "publisher", "license", "spatial" -> field;
            case "title.zh", "title.en", "description.zh", "description.en" -> field.replace('.', '_');
            case "accrualPeriodicity" -> "frequency";
            case "temporal.start" -> "temporal_start";
            case "temporal.end", "temporal" -> "temporal_end";
            case "schema.primaryKey", "tableSchema.primaryKey" -> "primary_key";
            case "schema", "schema.columns", "tableSchema", "tableSchema.columns" -> "columns";
            default -> null;
        };
    }

    private List<ColumnRow> rows() {
        int count = size(colName);
        List<ColumnRow> rows = new ArrayList<>();
        List<String> ticked = colRequired == null ? List.of() : colRequired;
        for (int i = 0; i < count; i++) {
            rows.add(new ColumnRow(i, clean(at(colOriginal, i)), orEmpty(clean(at(colName, i))),
                    orEmpty(clean(at(colTitleZh, i))), orEmpty(clean(at(colTitleEn, i))), orEmpty(clean(at(colDatatype, i))),
                    ticked.contains(String.valueOf(i)), orEmpty(clean(at(colUnit, i)))));
        }
        return rows;
    }

    /** A row left empty: it adds no column (its type and required box alone do not count). */
    private static boolean isBlank(ColumnRow row) {
        return blank(row.name()) && blank(row.titleZh()) && blank(row.titleEn()) && blank(row.unit());
    }

    private static void addBlankRows(List<ColumnRow> rows) {
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(new ColumnRow(rows.size(), null, "", "", "", "", false, ""));
        }
    }

    private static String keywords(DatasetMetadata m, String language) {
        return String.join(language.equals("zh") ? "，" : ", ",
                m.keywords().stream().filter(k -> k.language().equals(language)).map(KeywordText::text).toList());
    }

    private static List<String> split(String text, Pattern separators) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(separators.split(text)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static int size(List<String> list) {
        return list == null ? 0 : list.size();
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() ? null : list.get(i);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** A one-line value: stripped, null when empty. */
    private static String clean(String text) {
        return blank(text) ? null : text.strip();
    }

    /** A multi-line text: browsers send CRLF line breaks, stored as LF; null when empty. */
    private static String cleanText(String text) {
        return blank(text) ? null : text.replace("\r\n", "\n").strip();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
