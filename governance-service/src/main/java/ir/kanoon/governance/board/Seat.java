package ir.kanoon.governance.board;

/**
 * The 11 statutory seats of a provincial Board of Trustees (Art. 6, R2) with how many trustees each holds.
 * Ex-officio seats are held by the holder of an office; {@link #governmental} marks the seats of government
 * officials, which cannot provide the Association's President or Secretary (Art. 8, R6).
 */
public enum Seat {
    /** The Governorate's Deputy for Planning, Board Chair. */
    CHAIR(1, true, true),
    /** The Director-General of Labour, Board Secretary. */
    SECRETARY(1, true, true),
    /** Head of the province's broadcasting (IRIB) centre. */
    BROADCASTING_HEAD(1, true, true),
    /** Secretary of the province's employers' association. */
    EMPLOYERS_SECRETARY(1, true, false),
    /** Secretary of the province's workers' house. */
    WORKERS_SECRETARY(1, true, false),
    /** Faculty members nominated by the province's main university (R3). */
    FACULTY(2, false, false),
    /** Entrepreneur experts nominated by the labour DG (R4). */
    ENTREPRENEUR_EXPERT(4, false, false);

    public final int count;
    public final boolean exOfficio;
    public final boolean governmental;

    Seat(int count, boolean exOfficio, boolean governmental) {
        this.count = count;
        this.exOfficio = exOfficio;
        this.governmental = governmental;
    }

    /** 11 (Art. 6). */
    public static int totalSeats() {
        int n = 0;
        for (Seat s : values()) {
            n += s.count;
        }
        return n;
    }
}
