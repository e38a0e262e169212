package ir.kanoon.networking.partner;

import java.util.List;
import java.util.UUID;

/** {@code contacts} is null for callers who are not staff of the province or ministry. */
public record PartnerView(UUID id, String province, Partner.Kind kind, String name, String description,
                          List<PartnerForm.Contact> contacts, boolean active, long version) {
}
