package ir.kanoon.ideabank.attachment;

import java.util.Arrays;
import java.util.Optional;

/**
 * The document and image types an idea may carry (pitch deck, drawings, patent scan), each recognised by its
 * leading bytes as well as its declared Content-Type: a renamed executable is not a "PDF".
 */
public enum AttachmentType {
    PDF("application/pdf", new byte[]{'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    JPEG("image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    /** PowerPoint/Word (OOXML) are ZIP containers. */
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", new byte[]{'P', 'K', 3, 4}),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", new byte[]{'P', 'K', 3, 4});

    public final String mediaType;
    private final byte[] magic;

    AttachmentType(String mediaType, byte[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    /** The type whose media type is {@code contentType} and whose signature {@code bytes} start with. */
    public static Optional<AttachmentType> detect(String contentType, byte[] bytes) {
        if (contentType == null) {
            return Optional.empty();
        }
        String declared = contentType.split(";")[0].strip().toLowerCase();
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(declared))
                .filter(t -> bytes.length >= t.magic.length && Arrays.equals(Arrays.copyOf(bytes, t.magic.length), t.magic))
                .findFirst();
    }
}
