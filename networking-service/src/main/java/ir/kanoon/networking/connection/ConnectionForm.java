package ir.kanoon.networking.connection;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

public record ConnectionForm(@NotNull UUID targetMemberId, @NotNull ConnectionRequest.Purpose purpose,
                             @Size(max = 2000) String message) {
}
