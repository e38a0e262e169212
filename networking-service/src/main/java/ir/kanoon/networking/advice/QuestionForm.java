package ir.kanoon.networking.advice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

public record QuestionForm(@NotBlank @Size(max = 300) String topic,
                           @NotBlank @Size(max = 4000) String question,
                           @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 100) String> expertise,
                           @NotNull Advisor.Channel channel,
                           @NotBlank String province) {
}
