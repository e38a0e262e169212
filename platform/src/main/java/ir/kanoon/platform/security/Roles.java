package ir.kanoon.platform.security;

/** Realm roles of the {@code kanoon} Keycloak realm (conventions, Security). */
public final class Roles {
    /** Everything, every province. */
    public static final String MINISTRY_ADMIN = "ministry-admin";
    /** Read everything, every province. */
    public static final String MINISTRY_ANALYST = "ministry-analyst";
    /** Staff of a province's Directorate-General of Labour: runs the secretariat (R13, Art. 6 Notes 1, 3). */
    public static final String SECRETARIAT = "secretariat";
    /** Director-General of Labour, Board Secretary: nominates, proposes, approves, submits reports. */
    public static final String LABOUR_DG = "labour-dg";
    /** Governorate's Deputy for Planning, Board Chair: issues decrees, appoints officers (Art. 6 Note 2). */
    public static final String PLANNING_DEPUTY = "planning-deputy";
    public static final String TRUSTEE = "trustee";
    public static final String MEMBER = "member";
    /** Any signed-in person. */
    public static final String APPLICANT = "applicant";
    /** Service accounts of other government systems (client credentials); read-only unless granted more. */
    public static final String INTEGRATION = "integration";
    /** The grant that lets an {@code integration} account write (within its {@code province}, or nationally without one). */
    public static final String INTEGRATION_WRITE = "integration-write";

    /** Provincial staff: their {@code province} claim is their scope (set by administrators only). */
    public static final String[] PROVINCIAL_STAFF = {SECRETARIAT, LABOUR_DG, PLANNING_DEPUTY};

    private Roles() {
    }
}
