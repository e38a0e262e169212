package ir.kanoon.governance.programme;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Programme")
public record ProgrammeView(UUID id, String province, String title, List<String> clauses, String owner,
                            UUID workingGroupId, LocalDate plannedStart, String plannedStartJalali, LocalDate plannedEnd,
                            String plannedEndJalali, LocalDate actualStart, LocalDate actualEnd, ProgrammeStatus status,
                            int progress, String outputs, long version) {
}
