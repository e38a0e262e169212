package ir.kanoon.ideabank.idea;

import ir.kanoon.platform.problem.Problems;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Map;

/**
 * Weighted criteria scoring of the evaluation (issue 10; defaults novelty, feasibility, market potential,
 * team, fit with the province's comparative advantages — Art. 3-12). A review scores every configured
 * criterion 0..10; its score is {@code Σ weight·score / Σ weight}; the idea's is the mean of its reviews.
 */
public final class WeightedScore {

    public static final int MIN = 0;
    public static final int MAX = 10;

    private WeightedScore() {
    }

    /** 400 naming {@code scores.<criterion>} for a missing, unknown or out-of-range score. */
    public static BigDecimal of(Map<String, Integer> weights, Map<String, Integer> scores) {
        var problems = Problems.validation();
        if (scores == null) {
            throw Problems.invalid("scores", "scores.required");
        }
        for (String criterion : weights.keySet()) {
            Integer s = scores.get(criterion);
            if (s == null) {
                problems.field("scores." + criterion, "score.required");
            } else if (s < MIN || s > MAX) {
                problems.field("scores." + criterion, "score.range", MIN, MAX);
            }
        }
        for (String criterion : scores.keySet()) {
            if (!weights.containsKey(criterion)) {
                problems.field("scores." + criterion, "score.unknown-criterion", String.join(", ", weights.keySet()));
            }
        }
        problems.throwIfAny();
        long total = 0;
        long weightSum = 0;
        for (var w : weights.entrySet()) {
            total += (long) w.getValue() * scores.get(w.getKey());
            weightSum += w.getValue();
        }
        return BigDecimal.valueOf(total).divide(BigDecimal.valueOf(weightSum), 2, RoundingMode.HALF_UP);
    }

    /** Mean of the completed reviews' scores, 2 decimals; null when none. */
    public static BigDecimal mean(Collection<BigDecimal> reviewScores) {
        if (reviewScores.isEmpty()) {
            return null;
        }
        BigDecimal sum = reviewScores.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(reviewScores.size()), 2, RoundingMode.HALF_UP);
    }
}
