package ir.kanoon.ideabank.attachment;

import ir.kanoon.ideabank.idea.Idea;
import ir.kanoon.ideabank.idea.IdeaService;
import ir.kanoon.ideabank.idea.Visibility;
import ir.kanoon.platform.history.Actor;
import ir.kanoon.platform.history.History;
import ir.kanoon.platform.history.HistoryEntry;
import ir.kanoon.platform.ids.Uuids;
import ir.kanoon.platform.persian.PersianText;
import ir.kanoon.platform.problem.ApiException;
import ir.kanoon.platform.problem.Problems;
import ir.kanoon.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import ir.kanoon.ideabank.idea.CriteriaConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Attachments of an idea. Confidentiality applies as to the idea's full text: only callers with FULL visibility
 * list or download them (a SUMMARY reader gets 403, a caller who may not see the idea 404). The owner or team
 * uploads, within size, type and count limits, while the idea is not final.
 */
@ApplicationScoped
public class AttachmentService {

    @Inject
    EntityManager em;
    @Inject
    IdeaService ideas;
    @Inject
    Caller caller;
    @Inject
    History history;
    @Inject
    AttachmentStorage storage;

    @Inject
    CriteriaConfig config;

    public record Download(AttachmentView meta, InputStream body) {
    }

    /** Reads the upload with its limit: one byte over is enough to refuse (413). */
    byte[] read(InputStream in) {
        long maxBytes = config.attachments().maxBytes();
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new ApiException(413, "attachment.too-large", null, List.of(), Map.of(), maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw Problems.invalid("file", "attachment.unreadable");
        }
    }

    @Transactional
    public AttachmentView upload(UUID ideaId, String fileName, String contentType, InputStream body) {
        Idea idea = ideas.find(ideaId);
        ideas.requireVisible(idea);
        if (!idea.ownedBy(caller.subject()) || caller.isReadOnly()) {
            throw Problems.forbidden("idea.owner-only");
        }
        em.lock(idea, LockModeType.PESSIMISTIC_WRITE);
        if (idea.status.readOnly()) {
            throw Problems.conflict("attachment.idea-final", idea.status);
        }
        if (fileName == null || fileName.isBlank() || fileName.length() > 200 || fileName.matches(".*[/\\\\\\x00-\\x1f].*")) {
            throw Problems.invalid("name", "attachment.name-invalid");
        }
        byte[] bytes = read(body);
        if (bytes.length == 0) {
            throw Problems.invalid("file", "attachment.empty");
        }
        AttachmentType type = AttachmentType.detect(contentType, bytes).orElseThrow(() ->
                new ApiException(415, "attachment.type", null, List.of(), Map.of(),
                        String.join(", ", java.util.Arrays.stream(AttachmentType.values()).map(t -> t.mediaType).toList())));
        long count = ((Number) em.createNativeQuery("SELECT count(*) FROM attachment WHERE idea_id = ?1")
                .setParameter(1, ideaId).getSingleResult()).longValue();
        if (count >= config.attachments().maxPerIdea()) {
            throw Problems.conflict("attachment.too-many", config.attachments().maxPerIdea());
        }
        UUID id = Uuids.v7();
        String sha = sha256(bytes);
        Instant now = Instant.now();
        try {
            storage.put(id.toString(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store attachment", e);
        }
        String name = PersianText.canonical(fileName);
        em.createNativeQuery("""
                INSERT INTO attachment (id, idea_id, file_name, content_type, size, sha256, uploaded_by, uploaded_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, id).setParameter(2, ideaId).setParameter(3, name).setParameter(4, type.mediaType)
                .setParameter(5, (long) bytes.length).setParameter(6, sha).setParameter(7, caller.subject())
                .setParameter(8, Timestamp.from(now)).executeUpdate();
        history.record(HistoryEntry.of("IDEA", ideaId, Actor.of(caller), "ATTACHMENT_ADDED").withDocument(id.toString()));
        return new AttachmentView(id, ideaId, name, type.mediaType, bytes.length, sha, now);
    }

    private Idea readable(UUID ideaId) {
        Idea idea = ideas.find(ideaId);
        if (ideas.requireVisible(idea) != Visibility.FULL) {
            throw Problems.forbidden("attachment.confidential", idea.confidentiality);
        }
        return idea;
    }

    @SuppressWarnings("unchecked")
    @Transactional
    public List<AttachmentView> list(UUID ideaId) {
        readable(ideaId);
        List<Object[]> rows = em.createNativeQuery("SELECT id, idea_id, file_name, content_type, size, sha256, uploaded_at"
                + " FROM attachment WHERE idea_id = ?1 ORDER BY id").setParameter(1, ideaId).getResultList();
        return rows.stream().map(AttachmentService::view).toList();
    }

    @SuppressWarnings("unchecked")
    @Transactional
    public Download download(UUID ideaId, UUID attachmentId) {
        readable(ideaId);
        List<Object[]> rows = em.createNativeQuery("SELECT id, idea_id, file_name, content_type, size, sha256, uploaded_at"
                + " FROM attachment WHERE idea_id = ?1 AND id = ?2").setParameter(1, ideaId).setParameter(2, attachmentId)
                .getResultList();
        if (rows.isEmpty()) {
            throw Problems.notFound("attachment", attachmentId);
        }
        try {
            return new Download(view(rows.get(0)), storage.open(attachmentId.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("attachment " + attachmentId + " missing from storage", e);
        }
    }

    private static AttachmentView view(Object[] r) {
        Instant at = r[6] instanceof Timestamp t ? t.toInstant() : r[6] instanceof Instant i ? i
                : ((java.time.OffsetDateTime) r[6]).toInstant();
        return new AttachmentView((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], ((Number) r[4]).longValue(),
                (String) r[5], at);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
