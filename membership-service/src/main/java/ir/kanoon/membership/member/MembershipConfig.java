package ir.kanoon.membership.member;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kanoon.membership")
public interface MembershipConfig {

    /** Length of a membership term in years (admission and each renewal). */
    @WithDefault("2")
    int termYears();

    /** How many members one expiry transaction handles. */
    @WithDefault("500")
    int expiryBatchSize();

    Expiry expiry();

    interface Expiry {
        /** When {@link MemberExpiryJob} runs (Asia/Tehran); {@code off} disables it. */
        @WithDefault("0 15 0 * * ?")
        String cron();
    }
}
