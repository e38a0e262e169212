package ir.kanoon.networking.tour;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A new tour (DRAFT until published). */
public record TourForm(@NotBlank String hostProvince,
                       @NotBlank @Size(max = 300) String title,
                       @Size(max = 4000) String description,
                       @NotEmpty @Size(max = 60) List<@Valid @NotNull Stop> itinerary,
                       @NotNull LocalDate startsOn,
                       @NotNull LocalDate endsOn,
                       @NotNull @Min(1) @Max(10000) Integer capacity,
                       @NotNull Instant registrationOpens,
                       @NotNull Instant registrationCloses,
                       @NotNull Tour.Eligibility eligibility) {

    /** One stop of the itinerary: day of the tour, city, site and/or enterprise visited. */
    public record Stop(@NotNull @Min(1) @Max(60) Integer day,
                       @NotBlank @Size(max = 100) String city,
                       @Size(max = 300) String site,
                       @Size(max = 300) String enterprise) {
    }
}
