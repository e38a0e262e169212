package ir.kanoon.governance.board;

import jakarta.validation.constraints.Size;

/** Approval or introduction: the document it rests on (letter number), optional. */
public record StepForm(@Size(max = 200) String document) {
}
