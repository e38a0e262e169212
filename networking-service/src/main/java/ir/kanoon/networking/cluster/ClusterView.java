package ir.kanoon.networking.cluster;

import java.util.List;
import java.util.UUID;

public record ClusterView(UUID id, String province, String name, String valueChain, String description,
                          Cluster.Status status, List<Enterprise> members, List<UUID> partnerIds, long version) {

    /** A member enterprise as the directory shows it (null name when no longer visible there). */
    public record Enterprise(UUID memberId, String displayName) {
    }
}
