package ir.kanoon.membership.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Allocates membership numbers from a counter row per province and Jalali year (row-locked, gap-free per commit). */
@ApplicationScoped
public class MembershipNumbers {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public String next(String province, int jalaliYear) {
        Number value = (Number) em.createNativeQuery("""
                        INSERT INTO membership_number_counter (province, jalali_year, last_value) VALUES (:p, :y, 1)
                        ON CONFLICT (province, jalali_year)
                        DO UPDATE SET last_value = membership_number_counter.last_value + 1
                        RETURNING last_value""")
                .setParameter("p", province)
                .setParameter("y", jalaliYear)
                .getSingleResult();
        return MembershipNumber.format(province, jalaliYear, value.longValue());
    }
}
