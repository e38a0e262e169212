package ir.kanoon.networking.supportpackage;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record SupportPackageView(UUID id, String title, String description, SupportPackage.Kind kind, String provider,
                                 String ownerProvince, List<String> categories, List<String> sectors,
                                 List<String> provinces, LocalDate validFrom, String validFromJalali,
                                 LocalDate validUntil, String validUntilJalali, SupportPackage.Status status,
                                 long version) {
}
