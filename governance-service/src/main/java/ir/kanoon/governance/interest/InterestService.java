package ir.kanoon.governance.interest;

import ir.kanoon.governance.board.Appointment;
import ir.kanoon.governance.board.AppointmentStatus;
import ir.kanoon.governance.board.BoardService;
import ir.kanoon.platform.history.Actor;
import ir.kanoon.platform.history.History;
import ir.kanoon.platform.history.HistoryEntry;
import ir.kanoon.platform.ids.Uuids;
import ir.kanoon.platform.jalali.JalaliDate;
import ir.kanoon.platform.persian.PersianText;
import ir.kanoon.platform.problem.Problems;
import ir.kanoon.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Conflict-of-interest register per trustee. The trustee declares (recognised by account or verified national ID),
 * or the province's secretariat records it on their behalf; the register is readable like the appointment.
 */
@ApplicationScoped
public class InterestService {

    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    BoardService board;
    @Inject
    History history;

    public InterestForms.Register register(String province, UUID appointmentId) {
        board.visible(province, appointmentId);
        @SuppressWarnings("unchecked")
        List<Object[]> decl = em.createNativeQuery("SELECT id, interest_type, description, valid_from, valid_to, declared_at "
                        + "FROM interest_declaration WHERE appointment_id = ?1 ORDER BY id")
                .setParameter(1, appointmentId).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> conf = em.createNativeQuery("SELECT jalali_year, nothing_to_declare, confirmed_at FROM interest_confirmation "
                        + "WHERE appointment_id = ?1 ORDER BY jalali_year")
                .setParameter(1, appointmentId).getResultList();
        return new InterestForms.Register(appointmentId,
                decl.stream().map(r -> {
                    LocalDate from = toDate(r[3]);
                    LocalDate to = toDate(r[4]);
                    return new InterestForms.DeclarationView((UUID) r[0], appointmentId,
                            InterestType.valueOf((String) r[1]), (String) r[2], from, JalaliDate.format(from), to,
                            to == null ? null : JalaliDate.format(to), toInstant(r[5]));
                }).toList(),
                conf.stream().map(r -> new InterestForms.ConfirmationView(((Number) r[0]).intValue(), (Boolean) r[1],
                        toInstant(r[2]))).toList());
    }

    @Transactional
    public InterestForms.Register declare(String province, UUID appointmentId, InterestForms.Declaration form) {
        Appointment a = forWrite(province, appointmentId);
        if (form.validTo() != null && form.validTo().isBefore(form.validFrom())) {
            throw Problems.invalid("validTo", "programme.end-before-start");
        }
        UUID id = Uuids.v7();
        em.createNativeQuery("INSERT INTO interest_declaration (id, appointment_id, province, interest_type, description, "
                        + "valid_from, valid_to, declared_by, declared_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, now())")
                .setParameter(1, id).setParameter(2, a.id).setParameter(3, a.province)
                .setParameter(4, form.interestType().name()).setParameter(5, PersianText.canonical(form.description()))
                .setParameter(6, form.validFrom()).setParameter(7, form.validTo()).setParameter(8, caller.subject())
                .executeUpdate();
        history.record(HistoryEntry.of("APPOINTMENT", a.id, Actor.of(caller), "INTEREST_DECLARED")
                .withReference(form.interestType().name()));
        return register(province, appointmentId);
    }

    /** The annual confirmation, once per Jalali year (a second one is 409). */
    @Transactional
    public InterestForms.Register confirm(String province, UUID appointmentId, InterestForms.Confirmation form) {
        Appointment a = forWrite(province, appointmentId);
        em.createNativeQuery("INSERT INTO interest_confirmation (appointment_id, jalali_year, nothing_to_declare, confirmed_by, "
                        + "confirmed_at) VALUES (?1, ?2, ?3, ?4, now())")
                .setParameter(1, a.id).setParameter(2, form.jalaliYear()).setParameter(3, form.nothingToDeclare())
                .setParameter(4, caller.subject()).executeUpdate();
        history.record(HistoryEntry.of("APPOINTMENT", a.id, Actor.of(caller), "INTERESTS_CONFIRMED")
                .withReference(form.jalaliYear() + (form.nothingToDeclare() ? " nothing to declare" : "")));
        return register(province, appointmentId);
    }

    private Appointment forWrite(String province, UUID appointmentId) {
        Appointment a = board.visible(province, appointmentId);
        boolean self = caller.nationalId().filter(a.nationalId::equals).isPresent()
                || Objects.equals(caller.subject(), a.userSubject);
        if (!self) {
            caller.requireWrite(province);
        }
        if (a.status != AppointmentStatus.ACTIVE) {
            throw Problems.conflict("appointment.transition", "declare interests", a.status.name());
        }
        return a;
    }

    private static LocalDate toDate(Object o) {
        return o == null ? null : o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    private static Instant toInstant(Object o) {
        return o == null ? null : o instanceof Timestamp t ? t.toInstant()
                : o instanceof java.time.OffsetDateTime odt ? odt.toInstant() : (Instant) o;
    }
}
