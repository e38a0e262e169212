package ir.kanoon.gateway.routing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ir.kanoon.gateway.support.Peers;
import ir.kanoon.gateway.support.StubUpstreams;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: the trust model of X-Forwarded-*. Trusted proxies in the tests (StubUpstreams):
 * 127.0.0.5 and 127.0.8.0/24; every other loopback source is an ordinary, untrusted client.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(StubUpstreams.class)
class ForwardedHeadersTest {

    private static final String TOKEN = "Authorization: Bearer " + TestTokens.user("forwarded-user").sign();

    @Test
    void fromAnUntrustedPeerTheClientsForwardedHeadersAreReplacedNotAppended() {
        JsonPath echo = Peers.get("127.0.0.6", "/api/v1/members", TOKEN,
                "X-Forwarded-For: 6.6.6.6", "X-Forwarded-Proto: https", "X-Forwarded-Host: evil.example",
                "Forwarded: for=6.6.6.6;proto=https", "X-Real-IP: 6.6.6.6").json();
        assertEquals("127.0.0.6", echo.getString("headers.'x-forwarded-for'"));
        assertEquals("http", echo.getString("headers.'x-forwarded-proto'"));
        assertEquals("localhost", echo.getString("headers.'x-forwarded-host'"));
        assertNull(echo.get("headers.forwarded"));
        assertNull(echo.get("headers.'x-real-ip'"));
    }

    @Test
    void fromATrustedProxyTheChainIsAppendedAndItsProtoAndHostKept() {
        JsonPath echo = Peers.get("127.0.0.5", "/api/v1/members", TOKEN,
                "X-Forwarded-For: 203.0.113.7", "X-Forwarded-Proto: https", "X-Forwarded-Host: api.kanoon.example").json();
        assertEquals("203.0.113.7, 127.0.0.5", echo.getString("headers.'x-forwarded-for'"));
        assertEquals("https", echo.getString("headers.'x-forwarded-proto'"));
        assertEquals("api.kanoon.example", echo.getString("headers.'x-forwarded-host'"));

        // a trusted proxy that sends no X-Forwarded-* is the client itself
        JsonPath direct = Peers.get("127.0.8.1", "/api/v1/members", TOKEN).json();
        assertEquals("127.0.8.1", direct.getString("headers.'x-forwarded-for'"));
        assertEquals("http", direct.getString("headers.'x-forwarded-proto'"));
    }

    @Test
    void theRateLimiterKeysOnTheClientAddressTheTrustModelYields() {
        // behind the trusted load balancer: 198.51.100.9 floods without a token (limit 200/min per address)
        int limited = 0;
        for (int i = 0; i < 1000 && limited < 40; i++) {
            // the client wrote a fake first hop; the proxies (127.0.8.2 behind 127.0.0.5) appended the real one
            int status = Peers.get("127.0.0.5", "/api/v1/boards",
                    "X-Forwarded-For: 10.9.9.9, 198.51.100.9, 127.0.8.2").status();
            if (status == 429) {
                limited++;
            }
        }
        assertEquals(40, limited, "the flooding client behind the proxy is limited");
        // another client behind the same load balancer is not
        assertEquals(401, Peers.get("127.0.0.5", "/api/v1/boards", "X-Forwarded-For: 198.51.100.10").status());
        // the fake hop left of the real client is not who is limited
        assertEquals(401, Peers.get("127.0.0.5", "/api/v1/boards", "X-Forwarded-For: 10.9.9.9").status());
        // an untrusted peer cannot claim to be the limited client, nor escape its own limit by claiming another
        assertEquals(401, Peers.get("127.0.0.7", "/api/v1/boards", "X-Forwarded-For: 198.51.100.9").status());
        assertFalse(Peers.get("127.0.0.7", "/api/v1/boards").status() == 429);
    }

    @Test
    void trustedRangesAreMatchedBitByBit() {
        ForwardedHeaders headers = new ForwardedHeaders(java.util.List.of("10.20.0.0/14", "192.0.2.10", "2001:db8::/32"));
        assertTrue(headers.isTrusted("10.23.255.1"));
        assertFalse(headers.isTrusted("10.24.0.1"));
        assertTrue(headers.isTrusted("192.0.2.10"));
        assertFalse(headers.isTrusted("192.0.2.11"));
        assertTrue(headers.isTrusted("2001:db8:1::7"));
        assertFalse(headers.isTrusted("2001:db9::7"));
        assertFalse(headers.isTrusted("not-an-address"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ForwardedHeaders(java.util.List.of("proxy.example.com")));
    }
}
