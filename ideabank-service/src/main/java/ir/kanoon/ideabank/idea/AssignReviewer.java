package ir.kanoon.ideabank.idea;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Assign a reviewer: {@code userId} of a member of the province's ideas working group, or — with
 * {@code outsideExpert = true} — an outside expert the secretariat records (name and expertise required).
 */
public record AssignReviewer(@NotBlank @Size(max = 100) String userId, boolean outsideExpert,
                             @Size(max = 200) String displayName, @Size(max = 300) String expertise) {
}
