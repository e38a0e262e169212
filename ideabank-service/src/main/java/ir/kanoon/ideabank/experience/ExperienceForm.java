package ir.kanoon.ideabank.experience;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** An experience: the entrepreneur (member id), title, story, lessons learned, sector, tags, media links (https). */
public record ExperienceForm(
        @NotNull UUID memberId,
        @NotBlank @Pattern(regexp = "IR-\\d{2}", message = "must be a province code such as IR-07") String province,
        @NotBlank @Size(max = 300) String title,
        @NotBlank @Size(max = 30000) String story,
        @NotBlank @Size(max = 10000) String lessons,
        @NotBlank @Pattern(regexp = "[A-Z][A-Z_]{1,39}", message = "must be an upper-case sector code such as INDUSTRY") String sector,
        @Size(max = 20) List<@NotBlank @Size(max = 60) String> tags,
        @Size(max = 10) List<@Pattern(regexp = "https://\\S{3,500}", message = "must be an https link") String> mediaLinks) {
}
