package ir.kanoon.ideabank.events;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The events of {@code kanoon.ideabank.events} (documented in src/main/asyncapi/asyncapi.yaml). No titles,
 * descriptions or personal data: a REVIEWERS idea's text never leaves the service.
 */
public final class IdeabankEvents {

    public static final String TOPIC = "kanoon.ideabank.events";

    private IdeabankEvents() {
    }

    public record Submitted(UUID ideaId, String province, String kind, String sector) {
    }

    public record StatusChanged(UUID ideaId, String province, String from, String to) {
    }

    public record Evaluated(UUID ideaId, String province, BigDecimal weightedScore) {
    }

    public record Referred(UUID ideaId, String province, String referredTo) {
    }

    public record Merged(UUID ideaId, String province, UUID originalId) {
    }
}
