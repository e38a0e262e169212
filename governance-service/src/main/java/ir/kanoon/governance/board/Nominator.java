package ir.kanoon.governance.board;

/** Who put a person forward for a seat (Art. 6). */
public enum Nominator {
    /** The province's main university (faculty seats, R3). */
    MAIN_UNIVERSITY,
    /** The Director-General of Labour (entrepreneur-expert seats, R4). */
    LABOUR_DG,
    /** An ex-officio seat: the holder of the office, recorded by the secretariat. */
    OFFICE_HOLDER
}
