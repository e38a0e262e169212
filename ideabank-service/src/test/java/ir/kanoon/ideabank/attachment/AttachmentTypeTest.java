package ir.kanoon.ideabank.attachment;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Attachment types are recognised by declared type and content together (plain Java). */
class AttachmentTypeTest {

    @Test
    void declaredTypeMustMatchTheLeadingBytes() {
        byte[] pdf = "%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII);
        assertEquals(Optional.of(AttachmentType.PDF), AttachmentType.detect("application/pdf", pdf));
        assertEquals(Optional.of(AttachmentType.PDF), AttachmentType.detect("Application/PDF; charset=binary", pdf));
        assertEquals(Optional.empty(), AttachmentType.detect("image/png", pdf));
        assertEquals(Optional.empty(), AttachmentType.detect("application/pdf", "MZ".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), AttachmentType.detect(null, pdf));
        assertEquals(Optional.empty(), AttachmentType.detect("application/pdf", new byte[0]));
        assertEquals(Optional.of(AttachmentType.JPEG), AttachmentType.detect("image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}));
    }
}
