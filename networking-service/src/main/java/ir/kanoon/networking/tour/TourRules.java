package ir.kanoon.networking.tour;

import ir.kanoon.platform.problem.Problems;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The rules of tours (directive Art. 3-9: "provincial and inter-provincial visits of entrepreneurial achievements"),
 * without Quarkus so that unit tests exercise them directly.
 */
public final class TourRules {

    public static final String ARTICLE = "Art. 3-9";

    private TourRules() {
    }

    /** A new registration is confirmed while seats remain, otherwise waitlisted — never more than capacity. */
    public static TourRegistration.Status outcome(int confirmed, int capacity) {
        return confirmed < capacity ? TourRegistration.Status.CONFIRMED : TourRegistration.Status.WAITLISTED;
    }

    /** Registration only inside the window the host province announced. */
    public static void requireWindow(Instant now, Instant opens, Instant closes) {
        if (now.isBefore(opens)) {
            throw Problems.rule(ARTICLE, "tour.registration-not-open", opens.toString());
        }
        if (!now.isBefore(closes)) {
            throw Problems.rule(ARTICLE, "tour.registration-closed", closes.toString());
        }
    }

    /** A host-province tour is for members of that province's Association; an inter-provincial one for all. */
    public static void requireEligible(Tour.Eligibility eligibility, String hostProvince, String memberProvince) {
        if (eligibility == Tour.Eligibility.HOST_PROVINCE && !hostProvince.equalsIgnoreCase(memberProvince)) {
            throw Problems.rule(ARTICLE, "tour.not-eligible", hostProvince);
        }
    }

    /** Attendance and completion are facts of a tour that has begun (Tehran's calendar day). */
    public static void requireStarted(LocalDate today, LocalDate startsOn) {
        if (today.isBefore(startsOn)) {
            throw Problems.rule(ARTICLE, "tour.not-started", startsOn.toString());
        }
    }

    /** The plan of a tour: dates in order, the window closing no later than the first day, a positive capacity. */
    public static void validatePlan(LocalDate startsOn, LocalDate endsOn, Instant opens, Instant closes, int capacity,
                                    Instant startOfFirstDay) {
        var v = Problems.validation();
        if (endsOn.isBefore(startsOn)) {
            v.field("endsOn", "tour.ends-before-start");
        }
        if (!closes.isAfter(opens)) {
            v.field("registrationCloses", "tour.window-empty");
        }
        if (closes.isAfter(startOfFirstDay)) {
            v.field("registrationCloses", "tour.window-after-start");
        }
        if (capacity < 1) {
            v.field("capacity", "tour.capacity-positive");
        }
        v.throwIfAny();
    }
}
