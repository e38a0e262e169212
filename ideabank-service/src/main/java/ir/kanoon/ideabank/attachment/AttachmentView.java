package ir.kanoon.ideabank.attachment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Attachment")
public record AttachmentView(UUID id, UUID ideaId, String fileName, String contentType, long size, String sha256,
                             Instant uploadedAt) {
}
