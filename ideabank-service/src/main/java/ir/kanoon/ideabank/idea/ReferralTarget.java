package ir.kanoon.ideabank.idea;

/** Where an accepted idea is referred (Art. 3-15; the finance and venture capital working group is Art. 9 type 4). */
public enum ReferralTarget {
    INCUBATOR, SCIENCE_TECHNOLOGY_PARK, UNIVERSITY, INVESTOR, FINANCE_WORKING_GROUP
}
