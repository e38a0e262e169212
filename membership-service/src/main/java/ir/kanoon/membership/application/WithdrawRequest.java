package ir.kanoon.membership.application;

import jakarta.validation.constraints.Size;

/** Optional body of {@code POST /applications/{id}/withdraw}. */
public record WithdrawRequest(@Size(max = 2000) String reason) {
}
