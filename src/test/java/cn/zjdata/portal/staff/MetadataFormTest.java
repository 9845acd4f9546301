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
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The metadata form: what it shows, what it makes when sent back, and where each error of the rules goes. */
class MetadataFormTest {

    private static final DatasetMetadata SAVED = new DatasetMetadata("plan-targets",
            LocalizedText.of("规划目标", "Plan targets"), LocalizedText.of("说明\n第二行", null), "some-department",
            List.of("http://publications.europa.eu/resource/authority/data-theme/ECON"),
            List.of(new KeywordText("zh", "数字经济"), new KeywordText("zh", "目标"), new KeywordText("en", "targets")),
            "2017", "2022", "330000", "https://creativecommons.org/licenses/by/4.0/",
            "http://publications.europa.eu/resource/authority/frequency/IRREG", List.of("zzbf-2018-91"), "observations",
            new TableSchema(List.of(
                    new Column("indicator", LocalizedText.of("指标代码", "Indicator code"),
                            LocalizedText.of("指标序列代码", "Series code"), Datatype.STRING, "^[a-z0-9-]+$", true, null,
                            null, null, null),
                    new Column("value", LocalizedText.of("数值", null), null, Datatype.DECIMAL, null, false, "亿元", null,
                            BigDecimal.ZERO, new BigDecimal("1000000")),
                    new Column("cities", LocalizedText.of("城市", "Cities"), null, Datatype.STRING, null, false, null, ";",
                            null, null)),
                    List.of("indicator")));

    /** The form as a browser sends it back after showing these values. */
    private static MetadataForm posted(MetadataValues v) {
        MetadataForm form = new MetadataForm();
        form.titleZh = v.titleZh();
        form.titleEn = v.titleEn();
        form.descriptionZh = v.descriptionZh().replace("\n", "\r\n");
        form.descriptionEn = v.descriptionEn();
        form.publisher = v.publisher();
        form.themes = v.themes();
        form.keywordsZh = v.keywordsZh();
        form.keywordsEn = v.keywordsEn();
        form.license = v.license();
        form.frequency = v.frequency();
        form.temporalStart = v.temporalStart();
        form.temporalEnd = v.temporalEnd();
        form.spatial = v.spatial();
        form.colOriginal = new ArrayList<>();
        form.colName = new ArrayList<>();
        form.colTitleZh = new ArrayList<>();
        form.colTitleEn = new ArrayList<>();
        form.colDatatype = new ArrayList<>();
        form.colRequired = new ArrayList<>();
        form.colUnit = new ArrayList<>();
        for (ColumnRow row : v.columns()) {
            form.colOriginal.add(row.original() == null ? "" : row.original());
            form.colName.add(row.name());
            form.colTitleZh.add(row.titleZh());
            form.colTitleEn.add(row.titleEn());
            form.colDatatype.add(row.datatype().isEmpty() ? "string" : row.datatype());
            form.colUnit.add(row.unit());
            if (row.required()) {
                form.colRequired.add(String.valueOf(row.index()));
            }
        }
        form.primaryKey = v.primaryKey();
        form.expectedVersion = v.expectedVersion() == null ? "" : v.expectedVersion().toString();
        return form;
    }

    @Test
    void theFormSentBackUnchangedMakesTheSavedMetadataAgain() {
        MetadataValues shown = MetadataForm.values(SAVED, true, 7L);
        assertEquals(SAVED.schema().columns().size() + MetadataForm.BLANK_ROWS, shown.columns().size());
        MetadataForm form = posted(shown);
        assertEquals(7L, form.version());
        assertEquals(SAVED, form.build(SAVED, "plan-targets").metadata());
    }

    @Test
    void aRenamedColumnKeepsWhatTheFormDoesNotShowAndANewOneHasNone() {
        MetadataForm form = posted(MetadataForm.values(SAVED, true, 1L));
        form.colName.set(0, "indicator_code");
        form.colName.set(3, "note");
        form.colTitleZh.set(3, "备注");
        DatasetMetadata built = form.build(SAVED, "plan-targets").metadata();
        Column renamed = built.schema().columns().get(0);
        assertEquals("indicator_code", renamed.name());
        assertEquals("^[a-z0-9-]+$", renamed.pattern());
        assertEquals(LocalizedText.of("指标序列代码", "Series code"), renamed.description());
        Column added = built.schema().columns().get(3);
        assertEquals("note", added.name());
        assertNull(added.description());
        assertEquals(Datatype.STRING, added.datatype());
        assertEquals(4, built.schema().columns().size(), "the two rows left blank add nothing");
    }

    @Test
    void keywordsAreSplitAtCommasOfEitherWidthEnumerationCommasAndLineBreaks() {
        MetadataForm form = new MetadataForm();
        form.keywordsZh = "数字经济，目标、 机器人,\r\n专利 ";
        form.keywordsEn = "robots, , patents";
        assertEquals(List.of(new KeywordText("zh", "数字经济"), new KeywordText("zh", "目标"), new KeywordText("zh", "机器人"),
                        new KeywordText("zh", "专利"), new KeywordText("en", "robots"), new KeywordText("en", "patents")),
                form.build(null, null).metadata().keywords());
    }

    @Test
    void eachErrorOfTheRulesGoesBesideItsInputCountingOnlyTheRowsThatMakeColumns() {
        MetadataForm form = new MetadataForm();
        form.keywordsZh = "甲";
        form.keywordsEn = "a, b";
        // Row 0 is blank, so the schema's column 0 is form row 1 and column 1 is form row 2.
        form.colName = List.of("", "年份", "年份");
        form.colTitleZh = List.of("", "", "");
        form.colTitleEn = List.of("", "", "");
        form.colUnit = List.of("", "", "");
        form.colDatatype = List.of("string", "integer", "integer");
        MetadataForm.Built built = form.build(null, null);
        assertEquals(List.of(1, 2), built.rowOfColumn());

        FormErrors errors = MetadataForm.errors(ProblemException.invalid("not valid", List.of(
                FieldError.of("title.zh", "is required"),
                FieldError.of("keywords[2]", "too long"),
                FieldError.of("themes[0]", "unknown"),
                FieldError.of("accrualPeriodicity", "unknown"),
                FieldError.of("temporal", "start after end"),
                FieldError.of("schema.columns[1].name", "'年份' names two columns"),
                FieldError.of("tableSchema.columns[0].datatype", "not a datatype"),
                FieldError.of("schema.columns[0].description.zh", "too long"),
                FieldError.of("schema.primaryKey", "'x' is not a column"),
                FieldError.of("sources[0]", "unknown document"))), built);
        assertEquals(422, errors.status());
        assertEquals(List.of("is required"), errors.of("title_zh"));
        assertEquals(List.of("too long"), errors.of("keywords_en"));
        assertEquals(List.of("unknown"), errors.of("themes"));
        assertEquals(List.of("unknown"), errors.of("frequency"));
        assertEquals(List.of("start after end"), errors.of("temporal_end"));
        assertEquals(List.of("'年份' names two columns"), errors.column(2, "name"));
        assertEquals(List.of("not a datatype"), errors.column(1, "datatype"));
        assertEquals(List.of("too long"), errors.column(1, "row"));
        assertEquals(List.of("'x' is not a column"), errors.of("primary_key"));
        assertEquals(List.of("sources[0]"), errors.unmatched().stream().map(FieldError::field).toList());
    }

    @Test
    void aFormShownAgainAfterAnErrorKeepsItsRowsAndOffersEmptyOnes() {
        MetadataForm form = new MetadataForm();
        form.identifier = "Bad Id";
        form.colOriginal = List.of("");
        form.colName = List.of("a");
        form.colDatatype = List.of("integer");
        form.colRequired = List.of("0");
        MetadataValues values = form.values(false, null);
        assertEquals("Bad Id", values.identifier());
        assertEquals(1 + MetadataForm.BLANK_ROWS, values.columns().size());
        ColumnRow first = values.columns().getFirst();
        assertEquals("a", first.name());
        assertEquals("integer", first.datatype());
        assertEquals(true, first.required());
    }
}
