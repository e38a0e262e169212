package ir.kanoon.networking.rules;

import ir.kanoon.networking.partner.Engagement;
import ir.kanoon.networking.partner.Partner;
import ir.kanoon.networking.partner.PartnerRules;
import ir.kanoon.platform.problem.ApiException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Art. 3-17: donations and pledges belong to the philanthropists' community. */
class PartnerRulesTest {

    @Test
    void art3_17_donationsAndPledgesOnlyForPhilanthropists_withAPositiveAmount() {
        assertDoesNotThrow(() -> PartnerRules.requireEngagementFits(Partner.Kind.PHILANTHROPIST, Engagement.Kind.DONATION, 1L));
        assertEquals(422, assertThrows(ApiException.class, () -> PartnerRules.requireEngagementFits(
                Partner.Kind.UNIVERSITY, Engagement.Kind.PLEDGE, 1L)).status());
        assertEquals(400, assertThrows(ApiException.class, () -> PartnerRules.requireEngagementFits(
                Partner.Kind.PHILANTHROPIST, Engagement.Kind.PLEDGE, 0L)).status());
        assertEquals(400, assertThrows(ApiException.class, () -> PartnerRules.requireEngagementFits(
                Partner.Kind.UNIVERSITY, Engagement.Kind.MOU, 5L)).status());
        assertDoesNotThrow(() -> PartnerRules.requireEngagementFits(Partner.Kind.UNIVERSITY, Engagement.Kind.MOU, null));
    }
}
