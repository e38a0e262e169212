package ir.kanoon.membership.profile;

/** The four kinds of member the directive admits (Art. 4, R7). */
public enum Category {
    /** Art. 4-1: top entrepreneurs of the industrial, service and commercial sectors, and home-business owners. */
    ENTREPRENEUR,
    /** Art. 4-2: distinguished professors and faculty members of the province's universities. */
    FACULTY,
    /** Art. 4-3: representatives of provincial associations and NGOs active in entrepreneurship. */
    NGO_REPRESENTATIVE,
    /** Art. 4-4: officials, experts and representatives of government bodies that support entrepreneurship. */
    GOVERNMENT_REPRESENTATIVE
}
