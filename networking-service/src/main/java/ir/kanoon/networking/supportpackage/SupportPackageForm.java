package ir.kanoon.networking.supportpackage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** A new support package (DRAFT until published). Empty lists: no restriction. */
public record SupportPackageForm(@NotBlank @Size(max = 300) String title,
                                 @Size(max = 4000) String description,
                                 @NotNull SupportPackage.Kind kind,
                                 @NotBlank @Size(max = 300) String provider,
                                 @Size(max = 4) List<@NotBlank String> categories,
                                 @Size(max = 4) List<@NotBlank String> sectors,
                                 @Size(max = 31) List<@NotBlank String> provinces,
                                 @NotNull LocalDate validFrom,
                                 @NotNull LocalDate validUntil) {
}
