package ir.kanoon.ideabank.idea;

/** Who may read the full text: PUBLIC everyone signed in; MEMBERS the province's Association (others see title and summary); REVIEWERS only the owner, the team, assigned reviewers, the province's secretariat and ministry (others do not see the idea at all). */
public enum Confidentiality {
    PUBLIC, MEMBERS, REVIEWERS
}
