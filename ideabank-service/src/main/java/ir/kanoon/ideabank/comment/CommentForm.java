package ir.kanoon.ideabank.comment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CommentForm(@NotBlank @Size(max = 4000) String text) {
}
