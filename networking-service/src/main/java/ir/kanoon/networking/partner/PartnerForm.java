package ir.kanoon.networking.partner;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

public record PartnerForm(@NotBlank String province,
                          @NotNull Partner.Kind kind,
                          @NotBlank @Size(max = 300) String name,
                          @Size(max = 4000) String description,
                          @Size(max = 20) List<@Valid @NotNull Contact> contacts) {

    /** A contact person of the organisation (shown to staff and ministry only). */
    public record Contact(@NotBlank @Size(max = 200) String name, @Size(max = 200) String role,
                          @Email @Size(max = 200) String email, @Size(max = 20) String phone) {
    }
}
