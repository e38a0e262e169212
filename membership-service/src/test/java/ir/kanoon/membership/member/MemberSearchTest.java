package ir.kanoon.membership.member;

import ir.kanoon.platform.persian.PersianText;
import ir.kanoon.platform.testing.KanoonTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static ir.kanoon.membership.support.Fixtures.admit;
import static ir.kanoon.membership.support.Fixtures.entrepreneur;
import static ir.kanoon.membership.support.Fixtures.nationalId;
import static ir.kanoon.membership.support.Fixtures.secretariat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provincial search walks the province in id order and falls back to the trigram index when the walk's window
 * holds less than a page (issue 13, figure 5): whichever path answers, a search returns the same members, in
 * admission (id) order, page after page — for a common term, a rare one, and a member whose search text is too long
 * for the covering index (V5).
 */
@KanoonTest
class MemberSearchTest {

    /** A province no other test of this module admits members into. */
    private static final String PROVINCE = "IR-23";
    private static final String COMMON = "کارآفرینی";
    private static final String RARE = "زرین‌کوب";

    @Inject
    MemberRepository members;

    /** In admission order: who holds the common term, the rare one, and the long search text. */
    private static final List<String> ADMITTED = new ArrayList<>();
    private static final List<String> WITH_COMMON = new ArrayList<>();
    private static final List<String> WITH_RARE = new ArrayList<>();
    private static String longText;
    private static String longTag;

    @BeforeEach
    void admitOnce() {
        if (!ADMITTED.isEmpty()) {
            return;
        }
        // filled only once all nine are admitted: a failed admission fails every test, not just the first
        List<String> admitted = new ArrayList<>();
        List<String> withCommon = new ArrayList<>();
        List<String> withRare = new ArrayList<>();
        Random random = new Random(13);
        for (int i = 0; i < 9; i++) {
            Map<String, Object> body = entrepreneur(PROVINCE, nationalId());
            boolean common = i % 3 != 1;
            boolean rare = i == 7;
            boolean isLong = i == 5;
            List<String> expertise = new ArrayList<>();
            expertise.add(common ? "كارآفريني اجتماعی" : "حسابداری");   // Arabic yeh and kaf: folded like the query
            if (isLong) {
                // 19 more tags and the three free-text names (no pattern is imposed on them) of 100 random letters:
                // ~4.4 kB of search text that pglz cannot squeeze under a btree entry's 2,704 bytes, so a covering
                // index over every search_text would refuse this admission; V5 walks it through member_province_id_long
                for (int t = 0; t < 19; t++) {
                    expertise.add(randomLetters(random));
                }
                body.put("firstName", randomLetters(random));
                body.put("firstNameLatin", randomLetters(random));
                body.put("lastNameLatin", randomLetters(random));
                longTag = expertise.get(15).substring(30, 60);
            }
            body.put("expertise", expertise);
            body.put("lastName", rare ? RARE : "کریمی");
            String id = admit("m-walk-" + i, body);
            admitted.add(id);
            if (common) {
                withCommon.add(id);
            }
            if (rare) {
                withRare.add(id);
            }
            if (isLong) {
                longText = id;
            }
        }
        WITH_COMMON.addAll(withCommon);
        WITH_RARE.addAll(withRare);
        ADMITTED.addAll(admitted);
    }

    @Test
    @Transactional
    void walkAndTrigramIndexReturnTheSameMembersInIdOrder_forEveryWindowAndPageSize() {
        for (String q : List.of(COMMON, RARE, "کار آفرینی", "کریمی")) {
            MemberFilter filter = filter(q);
            List<String> expected = q.equals(RARE) ? WITH_RARE : q.equals("کریمی") ? without(WITH_RARE) : WITH_COMMON;
            for (int limit : List.of(1, 2, 3, 10)) {
                // window 0: the trigram index alone (the query before V5); 1..4: windows that end mid-page, so pages
                // mix walked and fallback answers; 2000: the production minimum
                for (int window : List.of(0, 1, 2, 3, 4, 2000)) {
                    assertEquals(expected, allPages(filter, limit, window),
                            "q=" + q + " limit=" + limit + " window=" + window);
                }
            }
        }
    }

    @Test
    @Transactional
    void theWalkAloneFindsAMemberWhoseSearchTextIsTooLongForTheCoveringIndex() {
        String folded = PersianText.fold(longTag);
        List<UUID> walked = members.query(filter(folded), null, 10, 100).stream().map(m -> m.id).toList();
        assertEquals(List.of(UUID.fromString(longText)), walked);
        assertTrue(members.findById(UUID.fromString(longText)).searchText.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                > MemberRepository.WALK_TEXT_BYTES, "the member's search text is longer than the covering index holds");
        // and the walk of the common term merges that member into id order with the others
        List<UUID> common = members.query(filter(COMMON), null, 10, 100).stream().map(m -> m.id).toList();
        assertEquals(WITH_COMMON.stream().map(UUID::fromString).toList(), common);
    }

    @Test
    void searchThroughTheApi_commonAndRareTerms_pagedInAdmissionOrder() {
        String sec = secretariat(PROVINCE);
        assertEquals(WITH_COMMON, apiPages(sec, "كارآفريني", 2));
        assertEquals(WITH_RARE, apiPages(sec, "زرين كوب", 2));
        assertEquals(ADMITTED, apiPages(sec, null, 4), "the listing itself is unchanged");
    }

    private static String randomLetters(Random random) {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < 100; c++) {
            s.append("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی".charAt(random.nextInt(32)));
        }
        return s.toString();
    }

    private static MemberFilter filter(String q) {
        return new MemberFilter(Optional.of(PROVINCE), null, null, null, null, PersianText.searchTokens(q));
    }

    private static List<String> without(List<String> ids) {
        return ADMITTED.stream().filter(id -> !ids.contains(id)).toList();
    }

    /** Every page as MemberService reads them: limit + 1 rows, the next cursor is the last returned row. */
    private List<String> allPages(MemberFilter filter, int limit, int window) {
        List<String> seen = new ArrayList<>();
        UUID after = null;
        while (true) {
            List<Member> rows = window == 0 ? members.query(filter, after, limit, 0) : members.page(filter, after, limit, window);
            List<Member> page = rows.size() > limit ? rows.subList(0, limit) : rows;
            page.forEach(m -> seen.add(m.id.toString()));
            if (rows.size() <= limit) {
                return seen;
            }
            after = page.get(page.size() - 1).id;
        }
    }

    private static List<String> apiPages(String token, String q, int limit) {
        List<String> seen = new ArrayList<>();
        String cursor = "";
        do {
            var request = given().auth().oauth2(token).queryParam("limit", limit).queryParam("cursor", cursor);
            if (q != null) {
                request = request.queryParam("q", q);
            }
            var page = request.get("/api/v1/members").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return seen;
    }
}
