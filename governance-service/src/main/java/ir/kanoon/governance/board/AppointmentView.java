package ir.kanoon.governance.board;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A nomination/appointment as the API shows it. The national ID is shown only to the province's staff and
 * ministry roles (conventions: personal data), masked otherwise.
 */
@Schema(name = "Appointment")
public record AppointmentView(UUID id, String province, Seat seat, AppointmentStatus status, String fullName,
                              String nationalId, String organisation, UUID memberId, String userId,
                              Nominator nominatedBy, String nominationDocument, String introductionDocument,
                              String decreeNumber, LocalDate decreeIssuedOn, String decreeIssuedOnJalali,
                              LocalDate termEnd, String termEndJalali, LocalDate endedOn, String endedOnJalali,
                              EndReason endReason, boolean termEnding, long version) {
}
