package ir.kanoon.governance.report;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A quarterly report as a spreadsheet the Ministry opens: sheet {@code report} with the header facts, sheet
 * {@code figures} with rows (section, item, value) — the same numbers as the JSON.
 */
public final class ReportExport {

    private ReportExport() {
    }

    public static byte[] xlsx(ReportView r) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet head = wb.createSheet("report");
            int i = 0;
            i = text(head, i, "province", r.province());
            i = text(head, i, "quarter", r.jalaliYear() + "-Q" + r.quarter());
            i = text(head, i, "period", r.periodStartJalali() + " .. " + r.periodEndJalali());
            i = text(head, i, "dueDate", r.dueDateJalali());
            i = text(head, i, "status", r.status().name());
            i = text(head, i, "narrative", r.narrative() == null ? "" : r.narrative());
            text(head, i, "comments", r.comments() == null ? "" : r.comments());

            Sheet fig = wb.createSheet("figures");
            Row h = fig.createRow(0);
            h.createCell(0).setCellValue("section");
            h.createCell(1).setCellValue("item");
            h.createCell(2).setCellValue("value");
            int row = 1;
            ReportFigures f = r.figures();
            row = map(fig, row, "membersAdmitted", f.membersAdmittedByCategory());
            row = map(fig, row, "membersActive", f.membersActiveByCategory());
            for (ReportFigures.MeetingFigures m : f.meetings()) {
                row = num(fig, row, "meetings." + m.body(), "held", m.held());
                row = num(fig, row, "meetings." + m.body(), "present", m.present());
                row = num(fig, row, "meetings." + m.body(), "absent", m.absent());
                row = num(fig, row, "meetings." + m.body(), "excused", m.excused());
                row = num(fig, row, "meetings." + m.body(), "guests", m.guests());
                row = num(fig, row, "meetings." + m.body(), "quorumMet", m.quorumMet());
                row = num(fig, row, "meetings." + m.body(), "resolutions", m.resolutions());
            }
            row = num(fig, row, "workingGroups", "formed", f.workingGroupsFormed());
            row = num(fig, row, "workingGroups", "dissolved", f.workingGroupsDissolved());
            row = num(fig, row, "workingGroups", "active", f.workingGroupsActive());
            row = map(fig, row, "activities", f.activities());
            map(fig, row, "programmeProgress", f.programmeProgressByClause());
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int text(Sheet s, int i, String k, String v) {
        Row r = s.createRow(i);
        r.createCell(0).setCellValue(k);
        r.createCell(1).setCellValue(v);
        return i + 1;
    }

    private static int num(Sheet s, int i, String section, String item, long v) {
        Row r = s.createRow(i);
        r.createCell(0).setCellValue(section);
        r.createCell(1).setCellValue(item);
        r.createCell(2).setCellValue(v);
        return i + 1;
    }

    private static int map(Sheet s, int i, String section, Map<String, Long> m) {
        for (Map.Entry<String, Long> e : m.entrySet()) {
            i = num(s, i, section, e.getKey(), e.getValue());
        }
        return i;
    }
}
