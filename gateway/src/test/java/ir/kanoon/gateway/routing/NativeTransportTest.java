package ir.kanoon.gateway.routing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import ir.kanoon.gateway.support.StubUpstreams;
import ir.kanoon.platform.testing.OidcTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 (figure 3): on Linux the gateway's sockets run on Netty's native epoll transport, not Java NIO (a proxy
 * is all I/O). Fails when the native library is missing from the class path or the preference is dropped.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(StubUpstreams.class)
class NativeTransportTest {

    @Inject
    Vertx vertx;

    @Test
    void socketsUseTheNativeEpollTransportOnLinux() {
        boolean linuxX64 = System.getProperty("os.name", "").toLowerCase().contains("linux")
                && System.getProperty("os.arch", "").matches("amd64|x86_64");
        if (linuxX64) {
            assertTrue(vertx.isNativeTransportEnabled(), "native transport: " + vertx.unavailableNativeTransportCause());
        }
    }
}
