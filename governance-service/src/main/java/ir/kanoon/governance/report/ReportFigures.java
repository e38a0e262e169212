package ir.kanoon.governance.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The numbers of a quarterly report, from the projections of the other services' events (R12), and the average
 * progress (%) of the programmes planned in the quarter per Art. 3 clause.
 */
@Schema(name = "ReportFigures")
public record ReportFigures(Map<String, Long> membersAdmittedByCategory, Map<String, Long> membersActiveByCategory,
                            List<MeetingFigures> meetings, long workingGroupsFormed, long workingGroupsDissolved,
                            long workingGroupsActive, Map<String, Long> activities,
                            Map<String, Long> programmeProgressByClause) {

    /** Meetings held in the quarter per body with attendance totals. */
    @Schema(name = "ReportMeetingFigures")
    public record MeetingFigures(String body, long held, long present, long absent, long excused, long guests,
                                 long quorumMet, long resolutions) {
    }
}
