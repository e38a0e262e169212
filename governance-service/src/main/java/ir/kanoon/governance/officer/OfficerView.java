package ir.kanoon.governance.officer;

import ir.kanoon.governance.board.Seat;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** An officer (proposal or holding) of the Association (Art. 8). */
@Schema(name = "Officer")
public record OfficerView(UUID id, String province, Office office, OfficerStatus status, UUID appointmentId,
                          String fullName, Seat seat, LocalDate appointedOn, String appointedOnJalali,
                          LocalDate endedOn, String endedOnJalali, long version) {
}
