package ir.kanoon.networking.cluster;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** Create (POST) or replace (PUT, If-Match) a cluster; members are active members of the province, partners its partners. */
public record ClusterForm(@NotBlank String province,
                          @NotBlank @Size(max = 300) String name,
                          @NotBlank @Size(max = 300) String valueChain,
                          @Size(max = 4000) String description,
                          @NotNull Cluster.Status status,
                          @Size(max = 500) List<@NotNull UUID> memberIds,
                          @Size(max = 100) List<@NotNull UUID> partnerIds) {
}
