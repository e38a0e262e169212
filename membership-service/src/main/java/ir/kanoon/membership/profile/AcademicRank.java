package ir.kanoon.membership.profile;

/** Ranks of Iranian faculty members (مربی، استادیار، دانشیار، استاد), for the FACULTY category (Art. 4-2). */
public enum AcademicRank {
    INSTRUCTOR, ASSISTANT_PROFESSOR, ASSOCIATE_PROFESSOR, PROFESSOR
}
