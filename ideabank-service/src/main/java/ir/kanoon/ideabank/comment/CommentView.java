package ir.kanoon.ideabank.comment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Comment")
public record CommentView(UUID id, UUID ideaId, String author, String authorName, String text, Instant createdAt) {
}
