package cn.zjdata.portal.tabular;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Builds XLSX uploads for the tests: real workbooks written by POI, and a zip bomb written by hand. */
public final class XlsxFixtures {

    private XlsxFixtures() {
    }

    /** Fills one sheet of a workbook. */
    @FunctionalInterface
    public interface SheetFiller {
        void fill(XSSFWorkbook workbook, Sheet sheet);
    }

    public static Path workbook(Path file, SheetFiller first, SheetFiller... others) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            first.fill(workbook, workbook.createSheet("first"));
            for (int i = 0; i < others.length; i++) {
                others[i].fill(workbook, workbook.createSheet("other" + i));
            }
            workbook.write(out);
        }
        return file;
    }

    /** Sets cells of a row (0-based row and column); a null value leaves the cell out. */
    public static void row(Sheet sheet, int rowIndex, Object... values) {
        Row row = sheet.createRow(rowIndex);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            switch (value) {
                case String text -> cell.setCellValue(text);
                case Number number -> cell.setCellValue(number.doubleValue());
                case Boolean bool -> cell.setCellValue(bool);
                case LocalDate date -> {
                    cell.setCellValue(date);
                    cell.setCellStyle(dateStyle(sheet));
                }
                default -> throw new IllegalArgumentException(value.toString());
            }
        }
    }

    private static CellStyle dateStyle(Sheet sheet) {
        XSSFWorkbook workbook = (XSSFWorkbook) sheet.getWorkbook();
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
        return style;
    }

    /**
     * A workbook whose first sheet's XML is {@code sheetBytes} bytes of spaces: a few hundred kilobytes on
     * disk that would expand a thousand-fold.
     */
    public static Path zipBomb(Path file, long sheetBytes) throws IOException {
        ByteArrayOutputStream valid = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            row(workbook.createSheet("first"), 0, "a");
            workbook.write(valid);
        }
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(valid.toByteArray()));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns="
                            + "\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>").getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    Arrays.fill(spaces, (byte) ' ');
                    for (long written = 0; written < sheetBytes; written += spaces.length) {
                        out.write(spaces);
                    }
                    out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return file;
    }
}
