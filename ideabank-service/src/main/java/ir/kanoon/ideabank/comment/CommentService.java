package ir.kanoon.ideabank.comment;

import ir.kanoon.ideabank.idea.Confidentiality;
import ir.kanoon.ideabank.idea.Idea;
import ir.kanoon.ideabank.idea.IdeaService;
import ir.kanoon.ideabank.idea.IdeaStatus;
import ir.kanoon.ideabank.idea.Visibility;
import ir.kanoon.platform.ids.Uuids;
import ir.kanoon.platform.paging.Cursor;
import ir.kanoon.platform.paging.Page;
import ir.kanoon.platform.paging.PageRequest;
import ir.kanoon.platform.persian.PersianText;
import ir.kanoon.platform.problem.Problems;
import ir.kanoon.platform.security.Caller;
import ir.kanoon.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Comments and endorsements by members (issue 10) on PUBLIC and MEMBERS ideas — never on a REVIEWERS idea, whose
 * text is for its evaluators only. A member comments on what they may read in full: any PUBLIC idea, a MEMBERS
 * idea of their own Association. Nobody endorses their own or their team's idea.
 */
@ApplicationScoped
public class CommentService {

    @Inject
    EntityManager em;
    @Inject
    IdeaService ideas;
    @Inject
    Caller caller;

    private Idea open(UUID ideaId, boolean writing) {
        Idea idea = ideas.find(ideaId);
        Visibility v = ideas.requireVisible(idea);
        if (idea.confidentiality == Confidentiality.REVIEWERS) {
            throw Problems.ruleConflict("Art. 3-6", "comment.confidential-idea");
        }
        if (v != Visibility.FULL) {
            throw Problems.forbidden("comment.members-only");
        }
        if (writing) {
            if (!caller.hasAnyRole(Roles.MEMBER, Roles.TRUSTEE)) {
                throw Problems.forbidden("comment.members-only");
            }
            if (idea.status == IdeaStatus.MERGED) {
                throw Problems.ruleConflict("Art. 3-6", "idea.merged-read-only", idea.mergedInto);
            }
        }
        return idea;
    }

    @Transactional
    public CommentView comment(UUID ideaId, CommentForm form) {
        open(ideaId, true);
        UUID id = Uuids.v7();
        Instant now = Instant.now();
        String text = PersianText.canonical(form.text());
        em.createNativeQuery("INSERT INTO idea_comment (id, idea_id, author, author_name, body, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, id).setParameter(2, ideaId).setParameter(3, caller.subject())
                .setParameter(4, caller.displayName()).setParameter(5, text).setParameter(6, Timestamp.from(now)).executeUpdate();
        return new CommentView(id, ideaId, caller.subject(), caller.displayName(), text, now);
    }

    @SuppressWarnings("unchecked")
    @Transactional
    public Page<CommentView> comments(UUID ideaId, PageRequest page) {
        open(ideaId, false);
        UUID after = page.afterId();
        var q = em.createNativeQuery("SELECT id, idea_id, author, author_name, body, created_at FROM idea_comment WHERE idea_id = ?1"
                + (after == null ? "" : " AND id > ?2") + " ORDER BY id LIMIT " + (page.limit() + 1)).setParameter(1, ideaId);
        if (after != null) {
            q.setParameter(2, after);
        }
        List<Object[]> rows = q.getResultList();
        return Page.of(rows, page.limit(), r -> new CommentView((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                (String) r[4], instant(r[5])), r -> Cursor.of(r[0]));
    }

    @Transactional
    public Endorsements endorse(UUID ideaId) {
        Idea idea = open(ideaId, true);
        if (idea.ownedBy(caller.subject())) {
            throw Problems.forbidden("endorsement.own-idea");
        }
        int inserted = em.createNativeQuery("INSERT INTO idea_endorsement (idea_id, author, created_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, ideaId).setParameter(2, caller.subject()).setParameter(3, Timestamp.from(Instant.now()))
                .executeUpdate();
        return count(ideaId, inserted > 0);
    }

    @Transactional
    public Endorsements endorsements(UUID ideaId) {
        open(ideaId, false);
        boolean mine = ((Number) em.createNativeQuery("SELECT count(*) FROM idea_endorsement WHERE idea_id = ?1 AND author = ?2")
                .setParameter(1, ideaId).setParameter(2, caller.subject()).getSingleResult()).longValue() > 0;
        return count(ideaId, mine);
    }

    private Endorsements count(UUID ideaId, boolean mine) {
        long n = ((Number) em.createNativeQuery("SELECT count(*) FROM idea_endorsement WHERE idea_id = ?1")
                .setParameter(1, ideaId).getSingleResult()).longValue();
        return new Endorsements(n, mine);
    }

    private static Instant instant(Object o) {
        return o instanceof Timestamp t ? t.toInstant() : o instanceof Instant i ? i : ((OffsetDateTime) o).toInstant();
    }
}
