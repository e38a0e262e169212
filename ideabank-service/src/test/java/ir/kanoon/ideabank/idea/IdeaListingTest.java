package ir.kanoon.ideabank.idea;

import ir.kanoon.ideabank.support.Reviewers;
import ir.kanoon.platform.testing.KanoonTest;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static ir.kanoon.ideabank.support.Fixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The idea listing: what a reviewer sees, and what a page costs. */
@KanoonTest
class IdeaListingTest {

    static final String P = "IR-27";

    @Inject
    Reviewers reviewers;

    @Inject
    SessionFactory sessionFactory;

    @Test
    void aPageAsksWhetherTheCallerReviewsItsIdeasInOneQuery_notOncePerRow() {
        // a caller who is neither owner nor staff: whether they review an idea decides its visibility (Art. 3-6
        // confidentiality), and that used to be one query per listed row
        String reviewer = "lst-reviewer";
        reviewers.join(P, reviewer);
        List<String> reviewed = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String id = submitId(applicant("lst-secret-" + i), idea(P, "لیستینگ محرمانه " + i, "خلاصه محرمانه " + i, "REVIEWERS"));
            status(secretariat(P), id, "SCREENING").statusCode(200);
            act(secretariat(P), id, "reviewers", Map.of("userId", reviewer)).statusCode(201);
            reviewed.add(id);
        }
        String unreviewed = submitId(applicant("lst-secret-x"), idea(P, "لیستینگ محرمانه دیگر", "خلاصه", "REVIEWERS"));
        for (int i = 0; i < 8; i++) {
            submitId(applicant("lst-public-" + i), idea(P, "لیستینگ عمومی " + i, "خلاصه عمومی " + i, "PUBLIC"));
        }

        Statistics stats = sessionFactory.getStatistics();
        stats.setStatisticsEnabled(true);
        try {
            stats.clear();
            get(applicant(reviewer), "/api/v1/ideas?q=لیستینگ&province=" + P + "&limit=50").statusCode(200)
                    .body("items", hasSize(10))
                    .body("items.id", hasItems(reviewed.toArray())).body("items.id", not(hasItem(unreviewed)))
                    .body("items.find { it.id == '" + reviewed.get(0) + "' }.visibility", is("FULL"))
                    .body("items.find { it.id == '" + reviewed.get(0) + "' }.description", notNullValue());
            long queries = stats.getQueryExecutionCount();
            // the page itself and one question about reviews (before: 1 + one per row = 11)
            assertTrue(queries <= 2, "queries for one page of 10 ideas: " + queries);
        } finally {
            stats.setStatisticsEnabled(false);
        }
    }
}
