package ir.kanoon.membership.application;

import ir.kanoon.platform.problem.Problems;

import java.util.Map;

/**
 * The qualification process of Art. 7 (R8): admission depends on a decision taken under the Board's
 * supervision, after a review.
 *
 * <pre>
 * SUBMITTED --review--> UNDER_REVIEW --decide--> APPROVED | REJECTED | NEEDS_INFO
 * NEEDS_INFO --applicant edits--> SUBMITTED          SUBMITTED --applicant edits--> SUBMITTED
 * SUBMITTED | UNDER_REVIEW | NEEDS_INFO --withdraw--> WITHDRAWN
 * </pre>
 * APPROVED, REJECTED and WITHDRAWN are final. A decision without a review is refused: the Board's
 * supervision is exercised in the review.
 */
public final class ApplicationLifecycle {

    public enum Action { START_REVIEW, APPROVE, REJECT, REQUEST_INFO, EDIT, WITHDRAW }

    private ApplicationLifecycle() {
    }

    public static Action actionOf(Decision decision) {
        return switch (decision) {
            case APPROVED -> Action.APPROVE;
            case REJECTED -> Action.REJECT;
            case NEEDS_INFO -> Action.REQUEST_INFO;
        };
    }

    /** The status after {@code action}, or a 409 naming Art. 7 if the current status does not allow it. */
    public static ApplicationStatus next(ApplicationStatus from, Action action) {
        ApplicationStatus to = switch (action) {
            case START_REVIEW -> from == ApplicationStatus.SUBMITTED ? ApplicationStatus.UNDER_REVIEW : null;
            case APPROVE -> from == ApplicationStatus.UNDER_REVIEW ? ApplicationStatus.APPROVED : null;
            case REJECT -> from == ApplicationStatus.UNDER_REVIEW ? ApplicationStatus.REJECTED : null;
            case REQUEST_INFO -> from == ApplicationStatus.UNDER_REVIEW ? ApplicationStatus.NEEDS_INFO : null;
            case EDIT -> from == ApplicationStatus.SUBMITTED || from == ApplicationStatus.NEEDS_INFO
                    ? ApplicationStatus.SUBMITTED : null;
            case WITHDRAW -> from.isOpen() ? ApplicationStatus.WITHDRAWN : null;
        };
        if (to == null) {
            throw Problems.ruleConflict("Art. 7", "application.transition", action, from);
        }
        return to;
    }

    public static boolean allowed(ApplicationStatus from, Action action) {
        try {
            next(from, action);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Statuses reached by each action, for documentation and tests. */
    static final Map<Action, ApplicationStatus> TARGETS = Map.of(
            Action.START_REVIEW, ApplicationStatus.UNDER_REVIEW, Action.APPROVE, ApplicationStatus.APPROVED,
            Action.REJECT, ApplicationStatus.REJECTED, Action.REQUEST_INFO, ApplicationStatus.NEEDS_INFO,
            Action.EDIT, ApplicationStatus.SUBMITTED, Action.WITHDRAW, ApplicationStatus.WITHDRAWN);
}
