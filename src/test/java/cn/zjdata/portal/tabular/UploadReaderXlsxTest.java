package cn.zjdata.portal.tabular;

import cn.zjdata.portal.common.FieldError;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.tabular.UploadReader.Format;
import cn.zjdata.portal.tabular.UploadReader.Limits;
import cn.zjdata.portal.tabular.UploadReader.Normalized;
import org.apache.poi.ss.usermodel.FormulaError;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static cn.zjdata.portal.tabular.XlsxFixtures.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** XLSX uploads: the first sheet streamed, its values as text, formulas refused, zip bombs stopped. */
class UploadReaderXlsxTest extends UploadReaderTestSupport {

    @Test
    void theFirstSheetOfAWorkbookIsNormalised() throws IOException {
        Path upload = XlsxFixtures.workbook(dir.resolve("t.xlsx"), (workbook, sheet) -> {
            row(sheet, 0, "名称", "年份", "数值", "日期", "是否");
            row(sheet, 1, "机器人", 2020, 1.5, LocalDate.of(2024, 3, 1), true);
            row(sheet, 2, "大数", 12345678901.0, 0.00001, null, false);
            row(sheet, 3, "精度", 2021, 0.1 + 0.2, null, null);
        }, (workbook, sheet) -> row(sheet, 0, "other", "sheet"));
        Normalized result = read(upload);
        assertEquals(Format.XLSX, result.format());
        assertEquals(3, result.dataRows());
        assertEquals("名称,年份,数值,日期,是否\r\n机器人,2020,1.5,2024-03-01,true\r\n大数,12345678901,0.00001,,false\r\n"
                + "精度,2021,0.3,,\r\n", output());
    }

    @Test
    void theHeaderIsTheFirstNonEmptyRowAndBlankRowsAreSkipped() throws IOException {
        Path upload = XlsxFixtures.workbook(dir.resolve("t.xlsx"), (workbook, sheet) -> {
            row(sheet, 2, "a", "b", "c");
            row(sheet, 3, "1", null, null);
            row(sheet, 4, "", "");
            row(sheet, 6, null, "2", "3");
        });
        Normalized result = read(upload);
        assertEquals(List.of("a", "b", "c"), result.header());
        assertEquals("a,b,c\r\n1,,\r\n\"\",2,3\r\n", output()); // commons-csv quotes an empty first cell
    }

    @Test
    void formulaCellsAreRefusedNamingTheCell() throws IOException {
        Path upload = XlsxFixtures.workbook(dir.resolve("t.xlsx"), (workbook, sheet) -> {
            row(sheet, 0, "a", "b");
            row(sheet, 1, 1, 2);
            row(sheet, 2, 3, null);
            sheet.getRow(2).createCell(1).setCellFormula("A2+B2");
        });
        ProblemException e = refused(422, upload);
        FieldError error = e.errors().getFirst();
        assertEquals("row 3, column B", error.field());
        assertEquals("formula cells are not accepted; paste the values", error.message());
        assertEquals("=A2+B2", error.value());
    }

    @Test
    void errorValuesAndCellsOutsideTheHeaderAreReported() throws IOException {
        Path upload = XlsxFixtures.workbook(dir.resolve("t.xlsx"), (workbook, sheet) -> {
            row(sheet, 0, "a", "b");
            row(sheet, 1, 1, 2, null, "note");
            row(sheet, 2, 3, null);
            sheet.getRow(2).createCell(1).setCellErrorValue(FormulaError.NA.getCode());
        });
        ProblemException e = refused(422, upload);
        assertEquals(List.of("row 2, column D", "row 3, column B"), e.errors().stream().map(FieldError::field).toList());
        assertTrue(e.getMessage().contains("1 cell lies outside the columns named by the header"), e.getMessage());
    }

    @Test
    void aZipBombIsRefused() throws IOException {
        Path upload = XlsxFixtures.zipBomb(dir.resolve("bomb.xlsx"), 200L << 20);
        assertTrue(Files.size(upload) < 2L << 20, "the bomb is small on disk: " + Files.size(upload));
        ProblemException e = refused(422, upload);
        assertEquals("The spreadsheet expands far more than its size (a zip bomb?)", e.getMessage());
    }

    @Test
    void xlsxCellsAndColumnsAreBoundedByTheLimits() throws IOException {
        Path upload = XlsxFixtures.workbook(dir.resolve("t.xlsx"), (workbook, sheet) -> {
            row(sheet, 0, "a", "b", "c");
            row(sheet, 1, "1", "much too long", "3");
        });
        ProblemException longCell = assertThrows(ProblemException.class,
                () -> UploadReader.normalize(upload, "t.xlsx", null, target(), new Limits(1000, 10, 1 << 20)));
        assertEquals(FieldError.cell(2, "B", "much too long", "the cell is longer than 10 characters"), longCell.errors().getFirst());
        ProblemException wide = assertThrows(ProblemException.class,
                () -> UploadReader.normalize(upload, "t.xlsx", null, target(), new Limits(2, 100, 1 << 20)));
        assertEquals("row 1, column C", wide.errors().getFirst().field());
        assertFalse(Files.exists(target()));
    }

    @Test
    void anXlsxPartThatExpandsPastTheLimitIsRefused() throws IOException {
        Path upload = XlsxFixtures.workbook(dir.resolve("t.xlsx"), (workbook, sheet) -> {
            for (int i = 0; i < 500; i++) {
                row(sheet, i, "row " + i, i);
            }
        });
        ProblemException e = assertThrows(ProblemException.class,
                () -> UploadReader.normalize(upload, "t.xlsx", null, target(), new Limits(1000, 1000, 4000)));
        assertEquals("The spreadsheet expands far more than its size (a zip bomb?)", e.getMessage());
        assertEquals(499, UploadReader.normalize(upload, "t.xlsx", null, target()).dataRows(), "within the default limits");
    }

    @Test
    void aDamagedWorkbookIs422() throws IOException {
        ProblemException e = refused(422, upload("t.xlsx", bytes(new byte[]{'P', 'K', 3, 4}, new byte[200])));
        assertEquals("file", e.errors().getFirst().field());
    }
}
