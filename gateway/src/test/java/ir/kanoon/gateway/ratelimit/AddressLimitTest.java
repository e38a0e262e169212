package ir.kanoon.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.kanoon.gateway.support.Peers;
import ir.kanoon.gateway.support.StubUpstreams;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, "Gateway under abuse": callers without a verified token are limited per client address
 * BEFORE the token check. Test limit (StubUpstreams): 200 per minute per address. Each test floods
 * from its own loopback address so the others, and the rest of the suite on 127.0.0.1, are unaffected.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(StubUpstreams.class)
class AddressLimitTest {

    /** Upper bound of a flood; it stops once 40 requests were refused (the bucket refills while it runs). */
    private static final int FLOOD = 1000;
    private static final int ENOUGH_429 = 40;

    @Inject
    MeterRegistry registry;

    @Test
    void forgedTokenFloodFromOneAddressGets429sThatCostNoSignatureCheck() {
        // a user behind that address whose token was verified before the flood
        String known = "Authorization: Bearer " + TestTokens.user("behind-the-flood").sign();
        assertEquals(200, Peers.get("127.0.0.2", "/api/v1/members", known).status());

        double checksBefore = verifications();
        int unauthorized = 0;
        int limited = 0;
        // one forged token, sent again and again: a forged token is never cached, so each one that passes
        // the limiter costs a full check, exactly like a stream of distinct forgeries
        String forged = "Authorization: Bearer " + TestTokens.user("forger").badSignature().sign();
        for (int i = 0; i < FLOOD && limited < ENOUGH_429; i++) {
            Peers.Answer answer = Peers.get("127.0.0.2", "/api/v1/members", forged);
            if (answer.status() == 401) {
                unauthorized++;
            } else {
                assertEquals(429, answer.status(), answer.body());
                assertEquals("application/problem+json", answer.header("Content-Type"));
                assertEquals("/problems/rate-limited", answer.json().getString("type"));
                assertNotNull(answer.header("Retry-After"));
                limited++;
            }
        }
        assertEquals(ENOUGH_429, limited, "a flood of forged tokens must meet 429s (" + unauthorized + " answered 401)");
        // every forged token that was answered 401 was checked once; not one of the 429s was
        assertEquals(unauthorized, verifications() - checksBefore, 0.0,
                "signature checks during the flood (" + unauthorized + " answered 401, " + limited + " answered 429)");

        // another address is unaffected: its forged token is still checked and refused with 401
        assertEquals(401, Peers.get("127.0.0.3", "/api/v1/members",
                "Authorization: Bearer " + TestTokens.user("other-forger").badSignature().sign()).status());
        // and the verified token behind the flooding address keeps working (it is limited per identity)
        assertEquals(200, Peers.get("127.0.0.2", "/api/v1/members", known).status());
    }

    @Test
    void requestsWithoutAnyTokenAreLimitedPerAddress() {
        int limited = 0;
        for (int i = 0; i < FLOOD && limited < ENOUGH_429; i++) {
            int status = Peers.get("127.0.0.4", "/api/v1/boards").status();
            assertTrue(status == 401 || status == 429, "status " + status);
            if (status == 429) {
                limited++;
            }
        }
        assertEquals(ENOUGH_429, limited, "a no-token flood must meet 429s");
        assertEquals(401, Peers.get("127.0.0.3", "/api/v1/boards").status());
    }

    private double verifications() {
        return registry.get("kanoon.gateway.token.verifications").counter().count();
    }
}
