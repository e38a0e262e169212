package ir.kanoon.networking.tour;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** Completes a tour: the confirmed registrations that attended (the others are recorded as absent). */
public record AttendanceForm(@NotNull @Size(max = 10000) List<@NotNull UUID> attended) {
}
