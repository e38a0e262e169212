package ir.kanoon.workgroup.group;

/** The five specialised working groups of Art. 9 (R10). */
public enum WorkingGroupType {
    CULTURE_EDUCATION_RESEARCH,
    IDEAS_INVENTIONS_INNOVATION,
    SUPPORT_INSTITUTIONS_PHILANTHROPY,
    FINANCE_VENTURE_CAPITAL,
    MARKET_DEVELOPMENT_RESEARCH
}
