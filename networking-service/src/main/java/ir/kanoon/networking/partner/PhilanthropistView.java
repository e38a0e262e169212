package ir.kanoon.networking.partner;

import java.util.UUID;

/** The provincial philanthropists' community (Art. 3-17): each benefactor with their donations and pledges. */
public record PhilanthropistView(UUID id, String province, String name, long donatedRials, long pledgedRials,
                                 long engagements) {
}
