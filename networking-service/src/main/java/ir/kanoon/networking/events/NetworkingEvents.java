package ir.kanoon.networking.events;

import java.time.LocalDate;
import java.util.List;

/**
 * What networking-service publishes on {@code kanoon.networking.events} (events contract of this round). Payloads are
 * ids, provinces and counts only: never a name, contact detail, question text or national ID.
 */
public final class NetworkingEvents {

    public static final String TOPIC = "kanoon.networking.events";

    public static final String CONNECTION_ACCEPTED = "connection.accepted";
    public static final String ADVICE_REQUESTED = "advice.requested";
    public static final String ADVICE_ANSWERED = "advice.answered";
    public static final String TOUR_PUBLISHED = "tour.published";
    public static final String TOUR_REGISTRATION_CONFIRMED = "tour.registration-confirmed";
    public static final String TOUR_COMPLETED = "tour.completed";
    public static final String SUPPORT_PACKAGE_PUBLISHED = "support-package.published";
    public static final String PARTNER_REGISTERED = "partner.registered";
    public static final String CLUSTER_UPDATED = "cluster.updated";

    private NetworkingEvents() {
    }

    public record ConnectionAccepted(String connectionId, String province) {
    }

    public record AdviceRequested(String requestId, String province) {
    }

    public record AdviceAnswered(String requestId, String province, boolean answeredWithinSla) {
    }

    public record TourPublished(String tourId, String hostProvince, LocalDate startsOn) {
    }

    public record TourRegistrationConfirmed(String tourId, String hostProvince, String registrationId) {
    }

    public record TourCompleted(String tourId, String hostProvince, int participants) {
    }

    public record PartnerRegistered(String partnerId, String province, String kind) {
    }

    public record ClusterUpdated(String clusterId, String province, String status, int members, int partners) {
    }

    public record SupportPackagePublished(String packageId, List<String> provinces) {
    }
}
