package ir.kanoon.ideabank.idea;

import ir.kanoon.platform.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The ideabank's rules as plain Java (no Quarkus). */
class IdeaRulesTest {

    static final Map<String, Integer> DEFAULT_WEIGHTS = new LinkedHashMap<>(Map.of("novelty", 25, "feasibility", 25,
            "market-potential", 20, "team", 15, "comparative-advantage", 15));

    @Test
    void stageGate_art3_6_onlyTheDocumentedStepsAreAllowed() {
        assertTrue(IdeaWorkflow.allowed(IdeaStatus.SUBMITTED, IdeaStatus.SCREENING));
        assertTrue(IdeaWorkflow.allowed(IdeaStatus.SCREENING, IdeaStatus.UNDER_EVALUATION));
        assertTrue(IdeaWorkflow.allowed(IdeaStatus.UNDER_EVALUATION, IdeaStatus.ACCEPTED));
        assertTrue(IdeaWorkflow.allowed(IdeaStatus.UNDER_EVALUATION, IdeaStatus.NEEDS_REVISION));
        assertTrue(IdeaWorkflow.allowed(IdeaStatus.ACCEPTED, IdeaStatus.REFERRED));
        assertTrue(IdeaWorkflow.allowed(IdeaStatus.NEEDS_REVISION, IdeaStatus.SUBMITTED));
        assertFalse(IdeaWorkflow.allowed(IdeaStatus.SUBMITTED, IdeaStatus.ACCEPTED), "no decision without the gate");
        assertFalse(IdeaWorkflow.allowed(IdeaStatus.REJECTED, IdeaStatus.REFERRED));
        assertFalse(IdeaWorkflow.allowed(IdeaStatus.UNDER_EVALUATION, IdeaStatus.REFERRED), "only accepted ideas are referred");
        for (IdeaStatus to : IdeaStatus.values()) {
            assertFalse(IdeaWorkflow.allowed(IdeaStatus.MERGED, to), "a merged duplicate is read-only");
            assertFalse(IdeaWorkflow.allowed(IdeaStatus.REFERRED, to));
        }
        ApiException e = assertThrows(ApiException.class,
                () -> IdeaWorkflow.requireTransition(IdeaStatus.SUBMITTED, IdeaStatus.ACCEPTED));
        assertEquals(409, e.status());
        assertEquals("Art. 3-6", e.rule());
    }

    @Test
    void r10_evaluationByTheIdeasWorkingGroup_needsReviewers_andEveryReviewBeforeADecision() {
        ApiException none = assertThrows(ApiException.class, () -> IdeaWorkflow.requireEvaluationState(
                IdeaStatus.SCREENING, IdeaStatus.UNDER_EVALUATION, 0, 0));
        assertEquals("Art. 9", none.rule());
        IdeaWorkflow.requireEvaluationState(IdeaStatus.SCREENING, IdeaStatus.UNDER_EVALUATION, 1, 0);
        assertThrows(ApiException.class, () -> IdeaWorkflow.requireEvaluationState(
                IdeaStatus.UNDER_EVALUATION, IdeaStatus.ACCEPTED, 2, 1));
        IdeaWorkflow.requireEvaluationState(IdeaStatus.UNDER_EVALUATION, IdeaStatus.ACCEPTED, 2, 2);
        // screening out needs no evaluation
        IdeaWorkflow.requireEvaluationState(IdeaStatus.SCREENING, IdeaStatus.REJECTED, 0, 0);
    }

    @Test
    void r10_reviewers_comeFromTheWorkingGroupOrAreOutsideExperts_neverTheOwnerOrTeam() {
        ReviewerEligibility.check("r", "owner", List.of("t"), false, true);
        ReviewerEligibility.check("r", "owner", List.of("t"), true, false);
        ApiException notMember = assertThrows(ApiException.class,
                () -> ReviewerEligibility.check("r", "owner", List.of(), false, false));
        assertEquals(422, notMember.status());
        assertEquals("Art. 9", notMember.rule());
        assertThrows(ApiException.class, () -> ReviewerEligibility.check("owner", "owner", List.of(), true, true));
        assertThrows(ApiException.class, () -> ReviewerEligibility.check("t", "owner", List.of("t"), false, true));
    }

    @Test
    void weightedScore_isTheWeightedMeanOfTheConfiguredCriteria() {
        Map<String, Integer> s = Map.of("novelty", 8, "feasibility", 6, "market-potential", 10, "team", 4,
                "comparative-advantage", 7);
        assertEquals(new BigDecimal("7.15"), WeightedScore.of(DEFAULT_WEIGHTS, s));
        // other weights, other score: only novelty counts
        assertEquals(new BigDecimal("8.00"), WeightedScore.of(Map.of("novelty", 1), Map.of("novelty", 8)));
        assertEquals(new BigDecimal("6.58"), WeightedScore.mean(List.of(new BigDecimal("7.15"), new BigDecimal("6.00"))));
        assertNull(WeightedScore.mean(List.of()));
        ApiException bad = assertThrows(ApiException.class,
                () -> WeightedScore.of(DEFAULT_WEIGHTS, Map.of("novelty", 11, "made-up", 3)));
        assertEquals(400, bad.status());
    }

    @Test
    void visibility_byLevelAndRole() {
        assertEquals(Visibility.FULL, Visibility.of(Confidentiality.REVIEWERS, true, false));
        assertEquals(Visibility.NONE, Visibility.of(Confidentiality.REVIEWERS, false, true));
        assertEquals(Visibility.SUMMARY, Visibility.of(Confidentiality.MEMBERS, false, false));
        assertEquals(Visibility.FULL, Visibility.of(Confidentiality.MEMBERS, false, true));
        assertEquals(Visibility.FULL, Visibility.of(Confidentiality.PUBLIC, false, false));
    }

    @Test
    void similarityKey_foldsArabicLettersAndZwnj() {
        assertEquals(SimilarityKey.text("سامانه\u200Cی کشاورزی", "کم\u200Cآبی"),
                SimilarityKey.text("سامانهي كشاورزي", "كم آبي"));
    }

    @Test
    void similarityWords_areFoldedDistinctAndSplitOnZwnjAndPunctuation_singleLettersDropped() {
        // the candidate words of two spellings of one idea are the same (Arabic keyboard, ZWNJ vs space, punctuation)
        assertEquals(List.of("ابی", "برای", "سامانه", "کشاورزی", "کم"),
                SimilarityKey.words("سامانه\u200Cی کشاورزی،", "برای کم\u200Cآبی و"));
        assertEquals(SimilarityKey.words("سامانه\u200Cی کشاورزی،", "برای کم\u200Cآبی و"),
                SimilarityKey.words("سامانه ي كشاورزي", "براي كم آبي."));
        // written joined, a compound is one word here (its trigrams still agree: SimilarityKey.text)
        assertEquals(List.of("سامانهی"), SimilarityKey.words("سامانهي", ""));
        assertEquals(List.of(), SimilarityKey.words("و", "، !"));
    }
}
