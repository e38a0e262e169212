package ir.kanoon.gateway.routing;

import io.netty.util.NetUtil;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import ir.kanoon.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * The trust model of {@code X-Forwarded-*}: who the client is, as far as the gateway and the services
 * may believe it.
 *
 * <ul>
 *   <li>From a peer that is not a configured trusted proxy ({@code kanoon.gateway.trusted-proxies}),
 *       the client is the TCP peer. Whatever {@code X-Forwarded-For/-Proto/-Host} or {@code Forwarded}
 *       it sent is replaced: anyone can write those headers, and a service or the rate limiter that
 *       believed them could be told any address.</li>
 *   <li>From a trusted proxy, its {@code X-Forwarded-For} is kept and the peer appended (the usual
 *       chain), its {@code X-Forwarded-Proto}/{@code -Host} are kept (a TLS-terminating load balancer
 *       knows the client used https; the gateway only sees http). The client is the right-most address
 *       of the chain that is not itself a trusted proxy: entries left of it were written by the client
 *       and prove nothing.</li>
 * </ul>
 * Quarkus' own {@code quarkus.http.proxy.proxy-address-forwarding} is left off: it trusts every peer.
 */
@ApplicationScoped
public class ForwardedHeaders {

    /** An address range: the network's bytes and how many leading bits must match. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String value = text.trim();
            int slash = value.indexOf('/');
            String address = slash < 0 ? value : value.substring(0, slash);
            byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
            if (bytes == null) {
                // Literal addresses only: a host name would make trust depend on DNS answers.
                throw new IllegalArgumentException("kanoon.gateway.trusted-proxies: not an IP address or CIDR: " + text);
            }
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(value.substring(slash + 1));
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("kanoon.gateway.trusted-proxies: bad prefix length: " + text);
            }
            return new Cidr(bytes, prefix);
        }

        boolean contains(byte[] address) {
            if (address == null || address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Cidr> trusted;

    @jakarta.inject.Inject
    public ForwardedHeaders(GatewayConfig config) {
        this(config.trustedProxies().orElse(List.of()));
    }

    ForwardedHeaders(List<String> trustedProxies) {
        List<Cidr> parsed = new ArrayList<>();
        for (String entry : trustedProxies) {
            if (!entry.isBlank()) {
                parsed.add(Cidr.parse(entry));
            }
        }
        this.trusted = List.copyOf(parsed);
    }

    /** The client's address: the peer, or from a trusted proxy the last untrusted hop it reports. */
    public String clientAddress(HttpServerRequest request) {
        String peer = peer(request);
        if (!isTrusted(peer)) {
            return peer;
        }
        String chain = request.getHeader("X-Forwarded-For");
        if (chain == null) {
            return peer;
        }
        String[] hops = chain.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (NetUtil.createByteArrayFromIpAddressString(hop) == null) {
                // Garbage in the chain: stop believing it here; the hop right of it is the client.
                break;
            }
            if (!isTrusted(hop)) {
                return hop;
            }
            peer = hop;
        }
        return peer;
    }

    /** Sets the headers the service receives, following the trust model above. */
    public void apply(HttpServerRequest incoming, MultiMap outgoing) {
        String peer = peer(incoming);
        boolean fromTrustedProxy = isTrusted(peer);
        String chain = fromTrustedProxy ? incoming.getHeader("X-Forwarded-For") : null;
        outgoing.set("X-Forwarded-For", chain == null || chain.isBlank() ? peer : chain + ", " + peer);
        String proto = fromTrustedProxy ? incoming.getHeader("X-Forwarded-Proto") : null;
        outgoing.set("X-Forwarded-Proto", proto != null ? proto : incoming.scheme() == null ? "http" : incoming.scheme());
        String host = fromTrustedProxy ? incoming.getHeader("X-Forwarded-Host") : null;
        if (host == null && incoming.authority() != null) {
            host = incoming.authority().toString();
        }
        if (host != null) {
            outgoing.set("X-Forwarded-Host", host);
        } else {
            outgoing.remove("X-Forwarded-Host");
        }
        if (!fromTrustedProxy) {
            // RFC 7239's header says the same things and is as easy to forge.
            outgoing.remove("Forwarded");
            outgoing.remove("X-Forwarded-Port");
            outgoing.remove("X-Real-IP");
        }
    }

    boolean isTrusted(String address) {
        if (trusted.isEmpty() || address == null) {
            return false;
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        for (Cidr cidr : trusted) {
            if (cidr.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    private static String peer(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
