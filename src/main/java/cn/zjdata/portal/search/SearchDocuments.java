package cn.zjdata.portal.search;

import cn.zjdata.portal.catalog.Dataset;
import cn.zjdata.portal.catalog.Keyword;
import cn.zjdata.portal.catalog.Release;
import cn.zjdata.portal.catalog.ReleaseColumn;
import cn.zjdata.portal.common.LocalizedText;
import cn.zjdata.portal.indicators.Indicator;
import cn.zjdata.portal.reference.Concept;
import cn.zjdata.portal.reference.Concept.Scheme;
import cn.zjdata.portal.reference.ReferenceService;
import cn.zjdata.portal.tabular.CsvTables;
import cn.zjdata.portal.tabular.Datatype;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Collator;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a published dataset (its record, current release and text cells) and a plan indicator into index
 * documents. Called inside a database transaction; touches no index.
 */
@ApplicationScoped
public class SearchDocuments {

    /** Text fields that are stored and highlighted: indexed with offsets so highlighting needs no re-analysis. */
    private static final FieldType HIGHLIGHTED = highlighted();
    /** Cells that look like identifiers (indicator codes, slugs, region codes) are also matched exactly. */
    private static final Pattern CODE_LIKE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    /** Years spanned by one dataset's temporal coverage are capped, so a bad range cannot flood the facet. */
    private static final int MAX_YEARS = 100;
    /** English copies of text also indexed under a CJK field: the spelling vocabulary takes it once. */
    private static final Set<String> DUPLICATES = Set.of(SearchFields.BODY_EN, SearchFields.NAMES_EN, SearchFields.KEYWORDS_EN);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final ReferenceService reference;
    private final SearchConfig config;
    final FacetsConfig facets = facetsConfig();

    public SearchDocuments(ReferenceService reference, SearchConfig config) {
        this.reference = reference;
        this.config = config;
    }

    static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        for (SearchFacet f : SearchFacet.values()) {
            config.setMultiValued(f.parameter, f.multiValued);
        }
        return config;
    }

    private static FieldType highlighted() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    /** The index document of a published dataset whose current release file is {@code file}. */
    Document dataset(Dataset d, Release current, Path file) throws IOException {
        Document doc = new Document();
        doc.add(new StringField(SearchFields.TYPE, SearchFields.DATASET, Field.Store.NO));
        doc.add(new StringField(SearchFields.KEY, key(SearchFields.DATASET, d.slug), Field.Store.NO));
        doc.add(new StringField(SearchFields.ID, d.slug, Field.Store.YES));
        doc.add(new StringField(SearchFields.CODE, d.slug.toLowerCase(Locale.ROOT), Field.Store.NO));
        doc.add(new SortedDocValuesField(SearchFields.SORT_ID, new BytesRef(d.slug)));

        text(doc, SearchFields.TITLE_ZH, d.titleZh, true);
        text(doc, SearchFields.TITLE_EN, d.titleEn, true);
        text(doc, SearchFields.DESCRIPTION_ZH, d.descriptionZh, true);
        text(doc, SearchFields.DESCRIPTION_EN, d.descriptionEn, true);
        for (Keyword k : d.keywords) {
            text(doc, "en".equals(k.language) ? SearchFields.KEYWORDS_EN : SearchFields.KEYWORDS, k.text, false);
            text(doc, SearchFields.KEYWORDS, "en".equals(k.language) ? k.text : null, false);
        }
        doc.add(new SortedDocValuesField(SearchFields.SORT_TITLE_ZH, new BytesRef(collationKey(d.titleZh))));
        String titleEn = d.titleEn == null || d.titleEn.isBlank() ? d.titleZh : d.titleEn;
        doc.add(new SortedDocValuesField(SearchFields.SORT_TITLE_EN, new BytesRef(titleEn.toLowerCase(Locale.ROOT))));

        LocalizedText publisher = reference.findPublisher(d.publisherId).map(p -> p.name()).orElse(LocalizedText.of(d.publisherId, null));
        doc.add(new StoredField(SearchFields.PUBLISHER_ID, d.publisherId));
        stored(doc, SearchFields.PUBLISHER_ZH, publisher.zh());
        stored(doc, SearchFields.PUBLISHER_EN, publisher.en());
        names(doc, publisher);
        doc.add(new SortedSetDocValuesFacetField(SearchFacet.PUBLISHER.parameter, d.publisherId));
        for (String theme : d.themes) {
            LocalizedText label = concept(Scheme.THEME, theme);
            names(doc, label);
            doc.add(new StoredField(SearchFields.THEME_STORED, theme + "|" + nullToEmpty(label.zh()) + "|" + nullToEmpty(label.en())));
            doc.add(new SortedSetDocValuesFacetField(SearchFacet.THEME.parameter, theme));
        }
        // Every published release offers the same downloads today; indexed per dataset all the same, so a
        // format a future release lacks can be left out here.
        for (String format : SearchFacet.FORMATS) {
            doc.add(new SortedSetDocValuesFacetField(SearchFacet.FORMAT.parameter, format));
        }
        doc.add(new SortedSetDocValuesFacetField(SearchFacet.LICENSE.parameter, d.license));
        doc.add(new SortedSetDocValuesFacetField(SearchFacet.FREQUENCY.parameter, d.accrualPeriodicity));
        for (int year : years(d.temporalStart, d.temporalEnd, d.createdAt)) {
            doc.add(new SortedSetDocValuesFacetField(SearchFacet.YEAR.parameter, Integer.toString(year)));
        }

        doc.add(new StoredField(SearchFields.RELEASE, current == null ? 0 : current.number));
        doc.add(new StoredField(SearchFields.MODIFIED, d.modifiedAt.toEpochMilli()));
        doc.add(new NumericDocValuesField(SearchFields.SORT_MODIFIED, d.modifiedAt.toEpochMilli()));

        if (current != null && file != null) {
            RowText rows = rowText(current, file, config.rowTextLimit());
            String body = String.join("\n", rows.texts());
            text(doc, SearchFields.BODY, body, true);
            text(doc, SearchFields.BODY_EN, body, false);
            for (String code : rows.codes()) {
                doc.add(new StringField(SearchFields.CODE, code.toLowerCase(Locale.ROOT), Field.Store.NO));
            }
        }
        return facets.build(doc);
    }

    /** The index document of a plan indicator. */
    Document indicator(Indicator i) {
        Document doc = new Document();
        doc.add(new StringField(SearchFields.TYPE, SearchFields.INDICATOR, Field.Store.NO));
        doc.add(new StringField(SearchFields.KEY, key(SearchFields.INDICATOR, i.code), Field.Store.NO));
        doc.add(new StringField(SearchFields.ID, i.code, Field.Store.YES));
        doc.add(new StringField(SearchFields.CODE, i.code.toLowerCase(Locale.ROOT), Field.Store.NO));
        text(doc, SearchFields.TITLE_ZH, i.nameZh, true);
        text(doc, SearchFields.TITLE_EN, i.nameEn, true);
        for (String alias : i.aliasList()) {
            text(doc, SearchFields.KEYWORDS, alias, false);
        }
        LocalizedText category = concept(Scheme.CATEGORY, i.category);
        names(doc, category);
        doc.add(new StoredField(SearchFields.CATEGORY_STORED, i.category + "|" + nullToEmpty(category.zh()) + "|" + nullToEmpty(category.en())));
        doc.add(new NumericDocValuesField(SearchFields.SORT_POSITION, i.position));
        return doc;
    }

    static String key(String type, String id) {
        return type + ":" + id;
    }

    private LocalizedText concept(Scheme scheme, String code) {
        return reference.findConcept(scheme, code).map(Concept::label).orElse(LocalizedText.of(code, null));
    }

    private static void names(Document doc, LocalizedText name) {
        text(doc, SearchFields.NAMES, name.zh(), false);
        text(doc, SearchFields.NAMES, name.en(), false);
        text(doc, SearchFields.NAMES_EN, name.en(), false);
    }

    private static void text(Document doc, String field, String value, boolean highlighted) {
        if (value == null || value.isBlank()) {
            return;
        }
        doc.add(highlighted ? new Field(field, value, HIGHLIGHTED) : new TextField(field, value, Field.Store.NO));
        if (!DUPLICATES.contains(field)) {
            doc.add(new TextField(SearchFields.SPELL, value, Field.Store.NO));
        }
    }

    private static void stored(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new StoredField(field, value));
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.replace("|", " ");
    }

    /** Chinese titles sort by the Chinese collation (pinyin order for common characters), not code points. */
    static byte[] collationKey(String text) {
        Collator collator = Collator.getInstance(Locale.SIMPLIFIED_CHINESE);
        return collator.getCollationKey(text == null ? "" : text).toByteArray();
    }

    /**
     * The years a dataset is found under: every year its temporal coverage spans (start to end; one of them
     * when only one is stated); when it states none, the year it was first published.
     */
    static List<Integer> years(String start, String end, Instant created) {
        Integer from = year(start);
        Integer to = year(end);
        if (from == null && to == null) {
            return created == null ? List.of() : List.of(created.atZone(ZONE).getYear());
        }
        if (from == null) {
            from = to;
        }
        if (to == null || to < from) {
            to = from;
        }
        List<Integer> years = new ArrayList<>();
        for (int y = from; y <= to && years.size() < MAX_YEARS; y++) {
            years.add(y);
        }
        return years;
    }

    private static Integer year(String date) {
        if (date == null) {
            return null;
        }
        Matcher m = YEAR.matcher(date);
        return m.find() ? Integer.parseInt(m.group(1)) : null;
    }

    /** The distinct text of a release: column titles, then text cells in file order, up to a limit. */
    record RowText(List<String> texts, Set<String> codes) {
    }

    static RowText rowText(Release release, Path file, int limit) throws IOException {
        Set<String> texts = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>();
        int[] size = {0};
        List<ReleaseColumn> columns = release.columns;
        boolean[] textual = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            ReleaseColumn c = columns.get(i);
            textual[i] = Datatype.STRING.csvw.equals(c.datatype);
            add(texts, c.titleZh, size, limit);
            add(texts, c.titleEn, size, limit);
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("The release file " + file.getFileName() + " is missing");
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CsvTables.READ.parse(reader)) {
            boolean header = true;
            for (CSVRecord record : parser) {
                if (header) {
                    header = false;
                    continue;
                }
                for (int i = 0; i < record.size() && i < textual.length; i++) {
                    String cell = record.get(i).strip();
                    if (!textual[i] || cell.isEmpty()) {
                        continue;
                    }
                    if (CODE_LIKE.matcher(cell).matches()) {
                        codes.add(cell);
                    }
                    add(texts, cell, size, limit);
                }
                if (size[0] >= limit) {
                    break;
                }
            }
        }
        return new RowText(List.copyOf(texts), codes);
    }

    private static void add(Set<String> texts, String text, int[] size, int limit) {
        if (text == null || text.isBlank() || size[0] >= limit) {
            return;
        }
        String t = text.strip();
        if (t.length() > limit - size[0]) {
            t = t.substring(0, Math.max(0, limit - size[0])); // one huge cell must not exceed the budget
        }
        if (texts.add(t)) {
            size[0] += t.length() + 1;
        }
    }
}
