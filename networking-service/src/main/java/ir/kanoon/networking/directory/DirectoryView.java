package ir.kanoon.networking.directory;

import java.util.List;
import java.util.UUID;

/** A directory card: public profile fields only (no national ID, mobile, e-mail — the projection has none). */
public record DirectoryView(UUID memberId, String membershipNumber, String province, String category, String sector,
                            String displayName, List<String> expertise) {

    static DirectoryView of(DirectoryEntry e) {
        return new DirectoryView(e.memberId, e.membershipNumber, e.province, e.category, e.sector, e.displayName,
                List.of(e.expertise));
    }
}
