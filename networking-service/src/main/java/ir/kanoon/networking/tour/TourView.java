package ir.kanoon.networking.tour;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record TourView(UUID id, String hostProvince, String title, String description, List<TourForm.Stop> itinerary,
                       LocalDate startsOn, String startsOnJalali, LocalDate endsOn, String endsOnJalali,
                       int capacity, int confirmed, int seatsLeft, Instant registrationOpens,
                       Instant registrationCloses, Tour.Eligibility eligibility, Tour.Status status, long version) {
}
