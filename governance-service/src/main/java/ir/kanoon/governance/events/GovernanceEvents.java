package ir.kanoon.governance.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Event types this service publishes on {@code kanoon.governance.events} and their data (documented in
 * {@code src/main/asyncapi/asyncapi.yaml}). No personal data: no national ID, only the display name.
 */
public final class GovernanceEvents {

    public static final String TOPIC = "kanoon.governance.events";

    public static final String TRUSTEE_NOMINATED = "trustee.nominated";
    public static final String TRUSTEE_APPOINTED = "trustee.appointed";
    public static final String TRUSTEE_TERM_ENDING = "trustee.term-ending";
    public static final String TRUSTEE_LEFT = "trustee.left";
    public static final String OFFICER_APPOINTED = "officer.appointed";
    public static final String OFFICER_LEFT = "officer.left";
    public static final String COMPLIANCE_CHANGED = "compliance.changed";
    public static final String PROGRAMME_UPDATED = "programme.updated";
    public static final String REPORT_SUBMITTED = "report.submitted";
    public static final String REPORT_REVIEWED = "report.reviewed";

    public static final List<String> ALL = List.of(TRUSTEE_NOMINATED, TRUSTEE_APPOINTED, TRUSTEE_TERM_ENDING,
            TRUSTEE_LEFT, OFFICER_APPOINTED, OFFICER_LEFT, COMPLIANCE_CHANGED, REPORT_SUBMITTED, REPORT_REVIEWED, PROGRAMME_UPDATED);

    private GovernanceEvents() {
    }

    public static String cloudEventType(String type) {
        return "ir.kanoon.governance." + type + ".v1";
    }

    public record TrusteeNominated(UUID appointmentId, String province, String seat, String nominatedBy,
                                   String displayName) {
    }

    public record TrusteeAppointed(UUID appointmentId, String province, String seat, String userId, UUID memberId,
                                   String displayName, String decreeNumber, LocalDate termEnd) {
    }

    public record TrusteeTermEnding(UUID appointmentId, String province, String seat, String userId, UUID memberId,
                                    LocalDate termEnd) {
    }

    public record TrusteeLeft(UUID appointmentId, String province, String seat, String userId, UUID memberId,
                              String reason) {
    }

    public record OfficerChanged(UUID officerId, String province, String office, UUID appointmentId) {
    }

    public record ProgrammeUpdated(UUID programmeId, String province, List<String> clauses, String status, int progress) {
    }

    public record ReportSubmitted(UUID reportId, String province, int jalaliYear, int quarter) {
    }

    public record ReportReviewed(UUID reportId, String province, int jalaliYear, int quarter, String decision) {
    }

    public record ComplianceChanged(String province, String check, String from, String to) {
    }
}
