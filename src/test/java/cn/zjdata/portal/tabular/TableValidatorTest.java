package cn.zjdata.portal.tabular;

import cn.zjdata.portal.common.FieldError;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableValidatorTest {

    private static final TableSchema SCHEMA = new TableSchema(List.of(
            new Column("年份", null, null, Datatype.YEAR, null, true, null, null, null, null),
            new Column("名称", null, null, Datatype.STRING, null, true, null, null, null, null),
            new Column("数值", null, null, Datatype.DECIMAL, null, false, null, null, null, null)), List.of());

    private static ValidationReport validate(String csv, StringWriter out) throws IOException {
        return TableValidator.copyValidated(new StringReader(csv), SCHEMA, out);
    }

    @Test
    void aValidTableIsCopiedInSchemaOrderAsRfc4180() throws IOException {
        StringWriter out = new StringWriter();
        ValidationReport report = validate("名称,数值,年份\n\"机器人, 在役\", 7.1 ,2018\n", out);
        assertTrue(report.valid(), report.errors().toString());
        assertEquals(1, report.rowCount());
        assertEquals("年份,名称,数值\r\n2018,\"机器人, 在役\",7.1\r\n", out.toString());
    }

    @Test
    void cellErrorsNameRowColumnValueAndReason() throws IOException {
        ValidationReport report = validate("年份,名称,数值\n2018,a,1\n二〇二〇,b,x\n", new StringWriter());
        assertFalse(report.valid());
        assertEquals(2, report.errorCount());
        FieldError first = report.errors().getFirst();
        assertEquals(3L, first.row());
        assertEquals("年份", first.column());
        assertEquals("二〇二〇", first.value());
        assertEquals("row 3, column 年份", first.field());
        assertEquals("数值", report.errors().get(1).column());
    }

    @Test
    void aRepeatedPrimaryKeyIsReportedWithTheRowItRepeats() throws IOException {
        TableSchema keyed = new TableSchema(SCHEMA.columns(), List.of("年份", "名称"));
        StringWriter out = new StringWriter();
        ValidationReport report = TableValidator.copyValidated(new java.io.StringReader(
                "年份,名称,数值\n2018,a,1\n2018,b,2\n2019,a,3\n2018, a ,4\n"), keyed, out);
        assertEquals(1, report.errorCount(), report.errors().toString());
        assertEquals("row 5", report.errors().getFirst().field());
        assertTrue(report.errors().getFirst().message().contains("row 2"), report.errors().toString());
        ValidationReport distinct = TableValidator.copyValidated(new java.io.StringReader(
                "年份,名称,数值\n2018,ab,1\n2018,a,2\n"), keyed, new StringWriter());
        assertTrue(distinct.valid(), "(2018, ab) and (2018, a) are different keys");
    }

    @Test
    void raggedRowsAreReported() throws IOException {
        ValidationReport report = validate("年份,名称,数值\n2018,a\n", new StringWriter());
        assertEquals("row 2", report.errors().getFirst().field());
        assertTrue(report.errors().getFirst().message().contains("2 cells"));
    }

    @Test
    void headerProblemsAreReportedBeforeAnyRow() throws IOException {
        ValidationReport duplicate = validate("年份,年份,名称,数值\n", new StringWriter());
        assertTrue(duplicate.errors().stream().anyMatch(e -> e.message().contains("more than once")));
        ValidationReport blank = validate("年份,,名称,数值\n", new StringWriter());
        assertTrue(blank.errors().stream().anyMatch(e -> e.message().contains("no name")));
        ValidationReport missing = validate("年份,名称\n2018,a\n", new StringWriter());
        assertTrue(missing.errors().stream().anyMatch(e -> e.message().contains("'数值' is missing")));
    }

    @Test
    void emptyFilesAndHeaderOnlyFilesAreRefused() throws IOException {
        assertTrue(validate("", new StringWriter()).errors().getFirst().message().contains("empty"));
        assertTrue(validate("年份,名称,数值\n", new StringWriter()).errors().getFirst().message().contains("no rows"));
    }

    @Test
    void onlyTheFirstHundredErrorsAreListedButAllAreCounted() throws IOException {
        StringBuilder csv = new StringBuilder("年份,名称,数值\n");
        for (int i = 0; i < 250; i++) {
            csv.append("bad,a,1\n");
        }
        ValidationReport report = validate(csv.toString(), new StringWriter());
        assertEquals(250, report.errorCount());
        assertEquals(TableValidator.MAX_LISTED_ERRORS, report.errors().size());
    }

    @Test
    void malformedQuotingIsAReportedErrorNotAnException() throws IOException {
        for (String csv : List.of("年份,名称,数值\n2020,\"abc\n", "年份,名称,数值\n2020,\"abc\"x,1\n")) {
            ValidationReport report = validate(csv, new StringWriter());
            assertFalse(report.valid(), csv);
            assertEquals("file", report.errors().getFirst().field());
            assertTrue(report.errors().getFirst().message().contains("malformed"), report.errors().toString());
        }
    }

    @Test
    void inAOneColumnTableAnEmptyLineIsARowWithAnEmptyCell() throws IOException {
        TableSchema single = new TableSchema(List.of(new Column("名称", null, null, Datatype.STRING, null, true, null, null, null, null)), List.of());
        ValidationReport report = TableValidator.copyValidated(new StringReader("名称\na\n\nb\n"), single, new StringWriter());
        assertEquals(3, report.rowCount());
        assertEquals("row 3, column 名称", report.errors().getFirst().field());
    }

    @Test
    void aNulCharacterIsRefused() throws IOException {
        ValidationReport report = validate("年份,名称,数值\n2020,a\u0000b,1\n", new StringWriter());
        assertTrue(report.errors().getFirst().message().contains("NUL"));
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsIgnored() throws IOException {
        assertTrue(validate("\uFEFF年份,名称,数值\n2018,a,1\n", new StringWriter()).valid());
    }
}
