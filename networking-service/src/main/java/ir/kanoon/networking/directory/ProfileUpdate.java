package ir.kanoon.networking.directory;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Replaces the caller's networking settings (PUT). Contact fields are what they choose to share after acceptance. */
public record ProfileUpdate(@NotNull Boolean hidden,
                            @Email @Size(max = 200) String contactEmail,
                            @Size(max = 20) String contactPhone,
                            @Size(max = 500) String contactNote) {
}
