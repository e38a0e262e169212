package ir.kanoon.networking.partner;

import ir.kanoon.platform.problem.Problems;

/** Partners' engagement rules (Art. 3-17: the philanthropists' community and its donations), without Quarkus. */
public final class PartnerRules {

    private PartnerRules() {
    }

    /** Donations and pledges are a philanthropist's (benefactor's) engagement, with a positive amount in rials. */
    public static void requireEngagementFits(Partner.Kind partner, Engagement.Kind kind, Long amountRials) {
        boolean money = kind == Engagement.Kind.DONATION || kind == Engagement.Kind.PLEDGE;
        if (money && partner != Partner.Kind.PHILANTHROPIST) {
            throw Problems.rule("Art. 3-17", "partner.donation-not-philanthropist", kind);
        }
        if (money && (amountRials == null || amountRials <= 0)) {
            throw Problems.invalid("amountRials", "partner.amount-required");
        }
        if (!money && amountRials != null) {
            throw Problems.invalid("amountRials", "partner.amount-not-applicable");
        }
    }
}
