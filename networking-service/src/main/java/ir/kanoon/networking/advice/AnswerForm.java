package ir.kanoon.networking.advice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record AnswerForm(@NotBlank @Size(max = 4000) String answer) {
}
