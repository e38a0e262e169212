package ir.kanoon.governance.compliance;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The ministry view as CSV (one row per province and check) and as an .xlsx with the same rows. */
public final class ComplianceExport {

    static final List<String> HEADER = List.of("province", "provinceName", "asOf", "asOfJalali", "check", "article", "status");

    private ComplianceExport() {
    }

    public static String csv(List<ProvinceCompliance> provinces) {
        StringBuilder sb = new StringBuilder(String.join(",", HEADER)).append("\r\n");
        for (ProvinceCompliance p : provinces) {
            for (CheckResult c : p.checks()) {
                sb.append(String.join(",", cell(p.province()), cell(p.provinceName()), p.asOf().toString(), p.asOfJalali(),
                        c.check(), cell(c.article()), c.status().name())).append("\r\n");
            }
        }
        return sb.toString();
    }

    public static byte[] xlsx(List<ProvinceCompliance> provinces) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("compliance");
            Row head = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                head.createCell(i).setCellValue(HEADER.get(i));
            }
            int r = 1;
            for (ProvinceCompliance p : provinces) {
                for (CheckResult c : p.checks()) {
                    Row row = sheet.createRow(r++);
                    String[] cells = {p.province(), p.provinceName(), p.asOf().toString(), p.asOfJalali(), c.check(),
                            c.article(), c.status().name()};
                    for (int i = 0; i < cells.length; i++) {
                        row.createCell(i).setCellValue(cells[i]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180 quoting; a leading =,+,-,@ is prefixed so a spreadsheet never runs a cell as a formula. */
    static String cell(String v) {
        if (v == null) {
            return "";
        }
        String s = v;
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
