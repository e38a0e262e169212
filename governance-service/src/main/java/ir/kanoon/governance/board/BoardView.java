package ir.kanoon.governance.board;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The Board of a province as of a day: every seat with its trustees and vacancies (R2). */
@Schema(name = "Board")
public record BoardView(String province, LocalDate asOf, String asOfJalali, int seatsTotal, int seatsFilled,
                        List<SeatView> seats) {

    @Schema(name = "BoardSeat")
    public record SeatView(Seat seat, int count, int vacancies, List<AppointmentView> trustees) {
    }
}
