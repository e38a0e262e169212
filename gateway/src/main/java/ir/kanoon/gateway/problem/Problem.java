package ir.kanoon.gateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 9457 problem details as the gateway itself produces them. {@code service} names the upstream
 * a 502/503/504 is about, so a client (and the person on call) knows which service is unavailable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      String service, String requestId) {
}
