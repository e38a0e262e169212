package ir.kanoon.gateway.routing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProxyRoutesTest {

    @Test
    void resourceIsTheFirstSegmentAfterTheBasePath() {
        assertEquals("members", ProxyRoutes.resourceOf("/api/v1/members"));
        assertEquals("members", ProxyRoutes.resourceOf("/api/v1/members/123/history"));
        assertEquals("advice-requests", ProxyRoutes.resourceOf("/api/v1/advice-requests/"));
        assertEquals("", ProxyRoutes.resourceOf("/api/v2/members"));
    }
}
