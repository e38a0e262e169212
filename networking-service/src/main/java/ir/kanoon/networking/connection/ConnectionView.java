package ir.kanoon.networking.connection;

import java.time.Instant;
import java.util.UUID;

/**
 * An introduction request as one of its two parties sees it. {@code counterpartContact} is the other person's
 * shared contact details — null until the request is ACCEPTED.
 */
public record ConnectionView(UUID id, UUID requesterMemberId, String requesterName, UUID targetMemberId,
                             String targetName, String direction, ConnectionRequest.Purpose purpose, String message,
                             ConnectionRequest.Status status, Instant createdAt, Instant decidedAt,
                             Contact counterpartContact, long version) {

    public record Contact(String email, String phone, String note) {
    }
}
