package ir.kanoon.demo;

import com.fasterxml.jackson.databind.JsonNode;
import ir.kanoon.demo.Api.Res;
import ir.kanoon.demo.People.Person;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static ir.kanoon.demo.Api.expect;

/** networking-service: partners and philanthropists, support packages, advisors, a tour with a waitlist, clusters. */
final class Networking {

    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(60);

    private final DemoData demo;
    private final Api api;
    private final ProvinceLoader tehran;
    private final ProvinceLoader isfahan;

    Networking(DemoData demo, ProvinceLoader tehran, ProvinceLoader isfahan) {
        this.demo = demo;
        this.api = demo.api;
        this.tehran = tehran;
        this.isfahan = isfahan;
    }

    /** What one province holds on its own: partners, its support package, an advisor, a cluster. */
    void province(ProvinceLoader pl) {
        Map<String, String> partners = partners(pl);
        supportPackage(pl);
        advisor(pl);
        cluster(pl, partners);
    }

    /** After both provinces: the Ministry's package, the inter-provincial tour, an advice request. */
    void national() {
        nationalPackage();
        tour();
        adviceRequest();
    }

    // ------------------------------------------------------------------------------------------ partners

    /** Art. 3-3, 3-15, 3-17: the province's partners and its philanthropists' community. */
    private Map<String, String> partners(ProvinceLoader pl) {
        String n = pl.province.name();
        String[][] plans = {
                {"UNIVERSITY", pl.province.university(), "همکاری در تجاری‌سازی پژوهش‌ها و کارآموزی دانشجویان"},
                {"INCUBATOR", "مرکز رشد فناوری " + n, "استقرار و منتورینگ طرح‌های نوپای ارجاع‌شده از بانک ایده‌ها"},
                {"INVESTOR", "صندوق پژوهش و فناوری " + n, "سرمایه‌گذاری خطرپذیر در طرح‌های دانش‌بنیان استان"},
                {"PHILANTHROPIST", "بنیاد نیکوکاری کارآفرینان " + n, "حمایت از اشتغال جوانان و مشاغل خانگی"}};
        List<JsonNode> existing = api.all(pl.secretariat, "/partners?province=" + pl.p);
        Map<String, String> ids = new LinkedHashMap<>();
        for (String[] plan : plans) {
            JsonNode partner = existing.stream().filter(x -> x.path("name").asText().equals(plan[1])).findFirst().orElse(null);
            if (partner == null) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("province", pl.p);
                f.put("kind", plan[0]);
                f.put("name", plan[1]);
                f.put("description", plan[2]);
                f.put("contacts", List.of(Map.of("name", "دفتر روابط عمومی", "role", "مسئول هماهنگی",
                        "email", "info-" + plan[0].toLowerCase().replace('_', '-') + "@" + pl.province.prefix() + ".partners.example",
                        "phone", "0912" + (1000000 + pl.province.number() * 1000 + plan[0].length()))));
                partner = expect("partner " + plan[1], api.post(pl.secretariat, "/partners", f, null), 200, 201).body();
                demo.report.created("partners");
            } else {
                demo.report.found("partners");
            }
            String id = partner.path("id").asText();
            ids.put(plan[0], id);
            List<JsonNode> engagements = api.all(pl.secretariat, "/partners/" + id + "/engagements");
            if (engagements.isEmpty()) {
                Map<String, Object> e = new LinkedHashMap<>();
                boolean philanthropist = plan[0].equals("PHILANTHROPIST");
                e.put("kind", philanthropist ? "DONATION" : "MOU");
                e.put("occurredOn", demo.today.minusDays(75).toString());
                e.put("title", philanthropist ? "کمک به صندوق اشتغال جوانان" : "تفاهم‌نامه همکاری با کانون کارآفرینان");
                e.put("amountRials", philanthropist ? 5_000_000_000L : null);
                e.put("reference", "TF-1404-" + pl.province.number() + plan[0].length());
                expect("engagement of " + plan[1], api.post(pl.secretariat, "/partners/" + id + "/engagements", e, null), 200, 201);
            }
        }
        return ids;
    }

    // ----------------------------------------------------------------------------------- support packages

    /** Art. 3-4: a provincial package (the secretariat's) and a national one (the Ministry's), both published. */
    private void supportPackage(ProvinceLoader pl) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("title", "دوره آموزشی تجاری‌سازی ایده — " + pl.province.name());
        f.put("description", "دوره ۴۰ ساعته با همکاری مرکز رشد و گواهی معتبر برای اعضای کانون");
        f.put("kind", "TRAINING");
        f.put("provider", "اداره کل تعاون، کار و رفاه اجتماعی استان " + pl.province.name());
        f.put("categories", List.of());
        f.put("sectors", List.of());
        f.put("provinces", List.of(pl.p));
        f.put("validFrom", demo.today.minusDays(30).toString());
        f.put("validUntil", demo.today.plusDays(180).toString());
        ensurePackage(pl.secretariat, f);
    }

    private void nationalPackage() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("title", "تسهیلات قرض‌الحسنه مشاغل خانگی");
        f.put("description", "وام تا ۵۰۰ میلیون ریال با بازپرداخت ۳۶ ماهه برای کارآفرینان مشاغل خانگی");
        f.put("kind", "LOAN");
        f.put("provider", "صندوق کارآفرینی امید");
        f.put("categories", List.of("ENTREPRENEUR"));
        f.put("sectors", List.of("HOME_BUSINESS", "SERVICES"));
        f.put("provinces", List.of());
        f.put("validFrom", demo.today.minusDays(60).toString());
        f.put("validUntil", demo.today.plusDays(300).toString());
        ensurePackage("ministry-admin", f);
    }

    private void ensurePackage(String user, Map<String, Object> f) {
        JsonNode pkg = api.all(user, "/support-packages").stream()
                .filter(x -> x.path("title").asText().equals(f.get("title"))).findFirst().orElse(null);
        if (pkg == null) {
            pkg = expect("support package " + f.get("title"), api.post(user, "/support-packages", f, null), 200, 201).body();
            demo.report.created("support packages");
        } else {
            demo.report.found("support packages");
        }
        String path = "/support-packages/" + pkg.path("id").asText();
        if (api.read(user, path).path("status").asText().equals("DRAFT")) {
            expect("publish " + f.get("title"), api.act(user, path, path + "/publish", null), 200);
        }
    }

    // ------------------------------------------------------------------------------------------ advisors

    /** Art. 3-11: a faculty member offers advice (Voice of the Advisor). */
    private void advisor(ProvinceLoader pl) {
        Person advisor = pl.person(2); // FACULTY
        pl.waitForMemberRole(advisor);
        Res r = Api.until(PROJECTION_WAIT, x -> x.status() != 422 && x.status() != 403, () -> api.post(advisor.username, "/advisors",
                Map.of("expertise", List.of("کارآفرینی", "تجاری‌سازی فناوری", "بازاریابی"), "weeklyCapacity", 5,
                        "channels", List.of("CALL", "MESSAGE", "MEETING"), "active", true), null));
        if (r.status() == 409) {
            demo.report.found("advisors");
        } else {
            expect("advisor " + advisor.username, r, 200, 201);
            demo.report.created("advisors");
        }
    }

    /** An applicant's question, matched to an advisor at once. */
    private void adviceRequest() {
        String asker = "tehran-applicant";
        String topic = "ثبت شرکت دانش‌بنیان و تجاری‌سازی ایده";
        boolean exists = api.all(asker, "/advice-requests").stream().anyMatch(x -> x.path("topic").asText().equals(topic));
        if (exists) {
            demo.report.found("advice requests");
            return;
        }
        expect("advice request", api.post(asker, "/advice-requests", Map.of("topic", topic,
                "question", "برای تجاری‌سازی ایده‌ام در زمینه بازیافت، از کجا شروع کنم و چه حمایت‌هایی هست؟",
                "expertise", List.of("تجاری‌سازی فناوری"), "channel", "MESSAGE", "province", "IR-07"),
                "demo-v1-advice-request-1"), 200, 201);
        demo.report.created("advice requests");
    }

    // ---------------------------------------------------------------------------------------------- tour

    /** Art. 3-9: an inter-provincial tour hosted by Tehran; six members register for four seats, two wait. */
    private void tour() {
        String title = "تور بازدید از پارک فناوری پردیس و شهرک‌های صنعتی تهران";
        JsonNode tour = api.all(tehran.secretariat, "/tours?province=IR-07").stream()
                .filter(x -> x.path("title").asText().equals(title)).findFirst().orElse(null);
        if (tour == null) {
            LocalDate starts = demo.today.plusDays(30);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("hostProvince", "IR-07");
            f.put("title", title);
            f.put("description", "بازدید دو روزه از شرکت‌های دانش‌بنیان پارک پردیس و واحدهای صنعتی نمونه؛ ویژه اعضای کانون‌های همه استان‌ها");
            f.put("itinerary", List.of(
                    Map.of("day", 1, "city", "پردیس", "site", "پارک فناوری پردیس", "enterprise", "شرکت‌های دانش‌بنیان حوزه نانو"),
                    Map.of("day", 2, "city", "تهران", "site", "شهرک صنعتی عباس‌آباد", "enterprise", "واحدهای تولیدی نمونه ملی")));
            f.put("startsOn", starts.toString());
            f.put("endsOn", starts.plusDays(1).toString());
            f.put("capacity", 4);
            f.put("registrationOpens", Instant.now().minus(Duration.ofDays(1)).toString());
            f.put("registrationCloses", starts.minusDays(3).atStartOfDay(DemoData.TEHRAN_ZONE).toInstant().toString());
            f.put("eligibility", "ALL_PROVINCES");
            tour = expect("tour", api.post(tehran.secretariat, "/tours", f, null), 200, 201).body();
            demo.report.created("tours");
        } else {
            demo.report.found("tours");
        }
        String path = "/tours/" + tour.path("id").asText();
        if (api.read(tehran.secretariat, path).path("status").asText().equals("DRAFT")) {
            expect("publish tour", api.act(tehran.secretariat, path, path + "/publish", null), 200);
        }
        List<Person> registrants = new ArrayList<>(List.of(tehran.person(0), tehran.person(1), tehran.person(3),
                isfahan.person(0), isfahan.person(1), isfahan.person(3)));
        int waitlisted = 0;
        for (Person m : registrants) {
            ProvinceLoader home = m.province == tehran.province ? tehran : isfahan;
            home.waitForMemberRole(m);
            // the directory (networking's projection of membership events) must know the member
            Res r = Api.until(PROJECTION_WAIT, x -> x.status() != 403 && x.status() != 422 && x.status() != 404,
                    () -> api.post(m.username, path + "/registrations", Map.of(), null));
            if (r.status() == 409) {
                demo.report.found("tour registrations");
                continue;
            }
            expect("register " + m.username + " for the tour", r, 200, 201);
            demo.report.created("tour registrations");
            if ("WAITLISTED".equals(r.text("status"))) {
                waitlisted++;
            }
        }
        List<JsonNode> regs = api.all(tehran.secretariat, path + "/registrations");
        long confirmed = regs.stream().filter(x -> x.path("status").asText().equals("CONFIRMED")).count();
        long waiting = regs.stream().filter(x -> x.path("status").asText().equals("WAITLISTED")).count();
        demo.report.fact(String.format("tour %s: %d confirmed, %d waitlisted (capacity 4)", tour.path("id").asText(), confirmed,
                Math.max(waiting, waitlisted)));
    }

    // ------------------------------------------------------------------------------------------ clusters

    /** Art. 3-13: an economic cluster of the province's entrepreneurs with its partners. */
    private void cluster(ProvinceLoader pl, Map<String, String> partners) {
        String name = "خوشه صنایع غذایی و بسته‌بندی " + pl.province.name();
        boolean exists = api.all(pl.secretariat, "/clusters?province=" + pl.p).stream()
                .anyMatch(x -> x.path("name").asText().equals(name));
        if (exists) {
            demo.report.found("clusters");
            return;
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("province", pl.p);
        f.put("name", name);
        f.put("valueChain", "فرآوری محصولات کشاورزی، بسته‌بندی و صادرات");
        f.put("description", "هم‌افزایی واحدهای کوچک فرآوری برای خرید مشترک مواد اولیه و صادرات");
        f.put("status", "ACTIVE");
        f.put("memberIds", List.of(pl.person(1).memberId, pl.person(5).memberId, pl.person(9).memberId));
        f.put("partnerIds", List.of(partners.get("INCUBATOR"), partners.get("INVESTOR")));
        Res r = Api.until(PROJECTION_WAIT, x -> x.status() != 422,
                () -> api.post(pl.secretariat, "/clusters", f, null));
        expect("cluster " + name, r, 200, 201);
        demo.report.created("clusters");
    }
}
