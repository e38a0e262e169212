package ir.kanoon.platform.province;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One of Iran's 31 provinces, by ISO 3166-2:IR code. */
@Schema(name = "Province", description = "A province of Iran (ISO 3166-2:IR)")
public record Province(
        @Schema(example = "IR-07") String code,
        @Schema(example = "Tehran") String nameEn,
        @Schema(example = "تهران") String nameFa) {
}
