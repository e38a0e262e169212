package ir.kanoon.demo;

import com.fasterxml.jackson.databind.JsonNode;
import ir.kanoon.demo.Api.Res;
import ir.kanoon.demo.People.Person;
import ir.kanoon.demo.People.Province;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static ir.kanoon.demo.Api.expect;

/** One province's data: members, Board and officers, working groups, meetings, ideas and experiences. */
final class ProvinceLoader {

    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(60);

    final DemoData demo;
    final Api api;
    final Province province;
    final String p;
    final String secretariat;
    final String labourDg;
    final String deputy;
    final String otherPrefix;
    List<Person> people = List.of();
    /** Appointment ids of the trustees this loader seated (active), by plan key. */
    final Map<String, String> trustees = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<String, String> trusteeSeat = new java.util.concurrent.ConcurrentHashMap<>();
    /** Working group id by type, and the username of its secretary (when it is one of ours). */
    final Map<String, String> groups = new java.util.concurrent.ConcurrentHashMap<>();
    final Map<String, String> groupSecretary = new java.util.concurrent.ConcurrentHashMap<>();
    final Map<String, JsonNode> ideasByTitle = new java.util.concurrent.ConcurrentHashMap<>();

    ProvinceLoader(DemoData demo, Province province, String otherPrefix) {
        this.demo = demo;
        this.api = demo.api;
        this.province = province;
        this.p = province.code();
        this.secretariat = province.prefix() + "-secretariat";
        this.labourDg = province.prefix() + "-labour-dg";
        this.deputy = province.prefix() + "-planning-deputy";
        this.otherPrefix = otherPrefix;
    }

    private String key(String what) {
        return ("demo-v1-" + p + "-" + what).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    // =========================================================================================== members

    /** Art. 4 and 7: each person applies under their verified national ID; the secretariat reviews, the labour DG approves. */
    void people() {
        JsonNode realmMember = realmUser(province.prefix() + "-member");
        String memberNid = realmMember.path("attributes").path("national_id").path(0).asText();
        people = People.of(province, memberNid);
        // members already admitted, as the province's secretariat lists them (it sees national IDs): found without
        // a token of their own — each password grant costs Keycloak a password hash
        Map<String, String> admitted = new HashMap<>();
        for (JsonNode m : api.all(secretariat, "/members?province=" + p + "&status=ACTIVE")) {
            admitted.put(m.path("nationalId").asText(), m.path("id").asText());
        }
        demo.parallel(people, person -> {
            boolean existed = person.index == 0 || api.userId(person.username) != null;
            person.userId = person.index == 0 ? realmMember.path("id").asText()
                    : api.ensureUser(person.username, person.firstName, person.lastName, person.nationalId);
            if (!existed) {
                // a person created just now has no application or membership yet: apply at once
                apply(person);
            } else if (admitted.containsKey(person.nationalId)) {
                person.memberId = admitted.get(person.nationalId);
                demo.report.found("members");
            } else {
                admit(person);
            }
        });
    }

    private JsonNode realmUser(String username) {
        Res r = api.send("GET", api.keycloak + "/admin/realms/kanoon/users?exact=true&username=" + username,
                adminToken(), null, Map.of());
        expect("find " + username, r, 200);
        if (r.body().size() == 0) {
            throw new IllegalStateException("the realm has no user " + username + " (deploy/keycloak/kanoon-realm.json)");
        }
        return r.body().get(0);
    }

    private String adminToken() {
        return api.adminToken();
    }

    private void apply(Person person) {
        Res r = expect("apply as " + person.username, api.post(person.username, "/applications", applicationForm(person),
                key("application-" + person.nationalId)), 200, 201);
        decide(person, r.text("id"), r.text("status"));
    }

    private void admit(Person person) {
        String u = person.username;
        Res me = api.get(u, "/members/me");
        if (me.status() == 200) {
            person.memberId = me.text("id");
            demo.report.found("members");
            return;
        }
        String id = null;
        String status = null;
        for (JsonNode a : api.all(u, "/applications")) {
            String s = a.path("status").asText();
            if (s.equals("SUBMITTED") || s.equals("UNDER_REVIEW")) {
                id = a.path("id").asText();
                status = s;
            }
        }
        if (id == null) {
            Res r = expect("apply as " + u, api.post(u, "/applications", applicationForm(person), key("application-" + person.nationalId)), 200, 201);
            id = r.text("id");
            status = r.text("status");
        }
        decide(person, id, status);
    }

    /** The secretariat reviews, the labour DG approves (Art. 7, R8; four eyes: neither is the applicant). */
    private void decide(Person person, String id, String status) {
        String u = person.username;
        String path = "/applications/" + id;
        Res current = expect("GET " + path, api.get(secretariat, path), 200);
        if ("SUBMITTED".equals(status)) {
            current = api.step(secretariat, path, current, path + "/review", null, "review " + path);
        }
        Map<String, Object> decision = Map.of("decision", "APPROVED",
                "resolutionRef", "HT-" + province.latin().substring(0, 3).toUpperCase() + "-1404-" + (20 + person.index),
                "reason", "واجد شرایط عضویت طبق ماده ۴ آیین‌نامه؛ مصوبه هیئت امنا");
        api.step(labourDg, path, current, path + "/decision", decision, "approve " + path);
        Res me = expect("members/me as " + u, api.get(u, "/members/me"), 200);
        person.memberId = me.text("id");
        demo.report.created("members");
    }

    private Map<String, Object> applicationForm(Person person) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("province", p);
        f.put("category", person.category);
        f.put("firstName", person.firstName);
        f.put("lastName", person.lastName);
        f.put("firstNameLatin", person.firstLatin);
        f.put("lastNameLatin", person.lastLatin);
        f.put("nationalId", person.nationalId);
        f.put("birthDate", LocalDate.of(1968 + (person.index * 3) % 27, 1 + person.index % 12, 1 + (person.index * 5) % 28).toString());
        f.put("mobile", "0912" + person.nationalId.substring(3, 10));
        f.put("email", person.username + "@demo.kanoon.example");
        f.put("city", province.city());
        switch (person.category) {
            case "ENTREPRENEUR" -> {
                String sector = People.SECTORS[(person.index / 4 + person.index) % 4];
                f.put("sector", sector);
                f.put("expertise", List.of("تولید صنعتی", "صادرات", "مدیریت کسب‌وکار"));
                f.put("achievements", "بنیان‌گذار شرکت دانش‌بنیان با " + (15 + person.index * 7) + " نفر نیروی کار");
                f.put("businessLicenceNumber", "BL-" + person.nationalId.substring(2, 9));
                f.put("employees", 15 + person.index * 7);
                f.put("foundingYear", 2005 + person.index);
            }
            case "FACULTY" -> {
                f.put("university", province.university());
                f.put("academicRank", person.index % 2 == 0 ? "PROFESSOR" : "ASSOCIATE_PROFESSOR");
                f.put("expertise", List.of("کارآفرینی", "نوآوری", "تجاری‌سازی فناوری"));
            }
            case "NGO_REPRESENTATIVE" -> {
                f.put("organisation", "انجمن کارآفرینان جوان " + province.name());
                f.put("registrationNumber", "NGO-" + province.number() + "-" + (1000 + person.index));
                f.put("expertise", List.of("توسعه اجتماعی", "اشتغال زنان"));
            }
            default -> {
                f.put("governmentBody", "سازمان صنعت، معدن و تجارت استان " + province.name());
                f.put("position", "معاون توسعه مدیریت");
                f.put("expertise", List.of("سیاست‌گذاری", "حمایت از کسب‌وکار"));
            }
        }
        return f;
    }

    Person person(int index) {
        return people.get(index);
    }

    // ============================================================================================ Board

    private record SeatPlan(String key, String seat, String fullName, String nationalId, String organisation,
                            String memberId, String userId) {
    }

    private List<SeatPlan> seatPlan() {
        String name = province.name();
        List<SeatPlan> plan = new ArrayList<>();
        plan.add(official("chair", "CHAIR", 1, "استانداری " + name + " — معاونت هماهنگی امور اقتصادی و توسعه منابع"));
        plan.add(official("secretary", "SECRETARY", 2, "اداره کل تعاون، کار و رفاه اجتماعی استان " + name));
        plan.add(official("broadcasting", "BROADCASTING_HEAD", 3, "مرکز صدا و سیمای " + name));
        plan.add(official("employers", "EMPLOYERS_SECRETARY", 4, "کانون انجمن‌های صنفی کارفرمایی استان " + name));
        plan.add(official("workers", "WORKERS_SECRETARY", 5, "خانه کارگر استان " + name));
        plan.add(official("faculty-1", "FACULTY", 6, province.university()));
        plan.add(official("faculty-2", "FACULTY", 7, province.university()));
        JsonNode realmTrustee = realmUser(province.prefix() + "-trustee");
        plan.add(new SeatPlan("expert-trustee", "ENTREPRENEUR_EXPERT",
                realmTrustee.path("firstName").asText("امین") + " " + realmTrustee.path("lastName").asText("امینی"),
                realmTrustee.path("attributes").path("national_id").path(0).asText(), "کارآفرین برتر استان " + name,
                null, realmTrustee.path("id").asText()));
        for (int i : new int[]{1, 5}) {
            Person m = person(i);
            plan.add(new SeatPlan("expert-member-" + i, "ENTREPRENEUR_EXPERT", m.fullName(), m.nationalId,
                    "کارآفرین برتر استان " + name, m.memberId, m.userId));
        }
        plan.add(official("expert-4", "ENTREPRENEUR_EXPERT", 8, "کارآفرین برتر استان " + name));
        return plan;
    }

    private SeatPlan official(String key, String seat, int i, String organisation) {
        String[] first = People.FIRST[(i * 5 + province.number()) % People.FIRST.length];
        String[] last = People.LAST[(i * 4 + province.number() * 2 + 3) % People.LAST.length];
        return new SeatPlan(key, seat, first[0] + " " + last[0], People.nationalId(province, 5, i), organisation, null, null);
    }

    /** Art. 6 (R1–R5): nominations by the right nominator, faculty approval, the labour DG's introduction, the decree. */
    void board() {
        JsonNode board = api.read(secretariat, "/boards/" + p);
        Map<String, Integer> vacancies = new HashMap<>();
        Map<String, String> activeByNid = new HashMap<>();
        for (JsonNode seat : board.path("seats")) {
            vacancies.put(seat.path("seat").asText(), seat.path("vacancies").asInt());
            for (JsonNode t : seat.path("trustees")) {
                activeByNid.put(t.path("nationalId").asText(), t.path("id").asText());
            }
        }
        List<JsonNode> appointments = api.all(secretariat, "/boards/" + p + "/appointments");
        LocalDate issuedOn = demo.today.minusDays(200);
        record Task(SeatPlan plan, String existing, int n) {
        }
        List<Task> tasks = new ArrayList<>();
        int n = 0;
        for (SeatPlan s : seatPlan()) {
            n++;
            if (activeByNid.containsKey(s.nationalId())) {
                seated(s, activeByNid.get(s.nationalId()));
                demo.report.found("Board trustees");
                continue;
            }
            String id = null;
            for (JsonNode a : appointments) {
                if (a.path("nationalId").asText().equals(s.nationalId()) && !a.path("status").asText().equals("ENDED")) {
                    id = a.path("id").asText();
                }
            }
            if (id == null && vacancies.getOrDefault(s.seat(), 0) <= 0) {
                demo.report.fact(p + ": seat " + s.seat() + " already full (filled by someone else); " + s.fullName() + " not nominated");
                continue;
            }
            if (id == null) {
                vacancies.merge(s.seat(), -1, Integer::sum);
            }
            tasks.add(new Task(s, id, n));
        }
        // seats are independent: the service serialises decrees on the Board's row (R2 under concurrency)
        demo.parallel(tasks, t -> {
            SeatPlan s = t.plan();
            String id = t.existing();
            if (id == null) {
                Map<String, Object> form = new LinkedHashMap<>();
                form.put("seat", s.seat());
                form.put("fullName", s.fullName());
                form.put("nationalId", s.nationalId());
                form.put("organisation", s.organisation());
                form.put("memberId", s.memberId());
                form.put("userId", s.userId());
                form.put("nominatedBy", switch (s.seat()) {
                    case "FACULTY" -> "MAIN_UNIVERSITY";
                    case "ENTREPRENEUR_EXPERT" -> "LABOUR_DG";
                    default -> "OFFICE_HOLDER";
                });
                form.put("nominationDocument", "نامه شماره " + (4100 + t.n()) + "/د مورخ ۱۴۰۴/۰۳/" + (10 + t.n()));
                // R4: an entrepreneur expert is the labour DG's own nomination; the secretariat records the others
                String by = s.seat().equals("ENTREPRENEUR_EXPERT") ? labourDg : secretariat;
                Res r = expect("nominate " + s.key(), api.post(by, "/boards/" + p + "/appointments", form, key("nomination-" + s.nationalId())), 200, 201);
                id = r.text("id");
                demo.report.created("Board trustees");
            } else {
                demo.report.found("Board trustees");
            }
            advanceAppointment(id, s, issuedOn.plusDays(t.n()), t.n());
            seated(s, id);
        });
        officers();
    }

    private void seated(SeatPlan s, String appointmentId) {
        trustees.put(s.key(), appointmentId);
        trusteeSeat.put(appointmentId, s.seat());
    }

    private void advanceAppointment(String id, SeatPlan s, LocalDate issuedOn, int n) {
        String path = "/boards/" + p + "/appointments/" + id;
        Res current = expect("GET " + path, api.get(secretariat, path), 200);
        for (int step = 0; step < 4; step++) {
            String status = current.text("status");
            switch (status) {
                case "ACTIVE" -> {
                    return;
                }
                case "NOMINATED" -> {
                    if (s.seat().equals("FACULTY")) { // R3: the Chair (or Secretary) approves the university's nominee
                        current = api.step(deputy, path, current, path + "/approval",
                                Map.of("document", "مصوبه هیئت امنا شماره " + (300 + n)), "approve " + s.key());
                    } else {
                        current = introduce(path, current, s, n);
                    }
                }
                case "APPROVED" -> current = introduce(path, current, s, n);
                case "INTRODUCED" -> current = api.step(deputy, path, current, path + "/decree", Map.of(
                        "decreeNumber", "1404/" + province.number() + "/" + (700 + n),
                        "issuedOn", issuedOn.toString(), "termEnd", issuedOn.plusYears(4).toString()), "decree " + s.key());
                default -> throw new IllegalStateException(path + " is " + status + "; cannot seat " + s.key());
            }
        }
    }

    private Res introduce(String path, Res current, SeatPlan s, int n) {
        return api.step(labourDg, path, current, path + "/introduction",
                Map.of("document", "معرفی‌نامه اداره کل شماره " + (5200 + n)), "introduce " + s.key());
    }

    /** Art. 8 (R6): a President and a Secretary from the eligible trustees, proposed by the labour DG, appointed by the Chair. */
    private void officers() {
        List<JsonNode> existing = api.all(secretariat, "/officers?province=" + p);
        Set<String> holding = new HashSet<>();
        for (JsonNode o : existing) {
            if (o.path("status").asText().equals("ACTIVE") || o.path("status").asText().equals("PROPOSED")) {
                holding.add(o.path("appointmentId").asText());
            }
        }
        Map<String, String> candidates = Map.of("PRESIDENT", "faculty-1", "SECRETARY", "employers");
        for (String office : List.of("PRESIDENT", "SECRETARY")) {
            String officerId = null;
            boolean active = false;
            for (JsonNode o : existing) {
                if (o.path("office").asText().equals(office)) {
                    if (o.path("status").asText().equals("ACTIVE")) {
                        active = true;
                    } else if (o.path("status").asText().equals("PROPOSED")) {
                        officerId = o.path("id").asText();
                    }
                }
            }
            if (active) {
                demo.report.found("officers");
                continue;
            }
            if (officerId == null) {
                String appointment = trustees.get(candidates.get(office));
                if (appointment == null || holding.contains(appointment)) {
                    appointment = trustees.entrySet().stream()
                            .filter(e -> Set.of("FACULTY", "ENTREPRENEUR_EXPERT", "EMPLOYERS_SECRETARY", "WORKERS_SECRETARY")
                                    .contains(trusteeSeat.get(e.getValue())) && !holding.contains(e.getValue()))
                            .map(Map.Entry::getValue).findFirst().orElse(null);
                }
                if (appointment == null) {
                    demo.report.fact(p + ": no eligible trustee free for " + office);
                    continue;
                }
                Res r = expect("propose " + office, api.post(labourDg, "/officers",
                        Map.of("province", p, "office", office, "appointmentId", appointment), null), 200, 201);
                officerId = r.text("id");
                holding.add(appointment);
            }
            expect("appoint " + office, api.act(deputy, "/officers/" + officerId, "/officers/" + officerId + "/appointment", null), 200);
            demo.report.created("officers");
        }
    }

    // ==================================================================================== working groups

    static final Map<String, String> GROUP_NAMES = new LinkedHashMap<>();

    static {
        GROUP_NAMES.put("CULTURE_EDUCATION_RESEARCH", "کارگروه فرهنگ‌سازی، آموزش و پژوهش");
        GROUP_NAMES.put("IDEAS_INVENTIONS_INNOVATION", "کارگروه ایده‌ها، اختراعات و نوآوری");
        GROUP_NAMES.put("SUPPORT_INSTITUTIONS_PHILANTHROPY", "کارگروه نهادهای حمایتی و خیرین");
        GROUP_NAMES.put("FINANCE_VENTURE_CAPITAL", "کارگروه تأمین مالی و سرمایه‌گذاری خطرپذیر");
        GROUP_NAMES.put("MARKET_DEVELOPMENT_RESEARCH", "کارگروه توسعه و تحقیقات بازار");
    }

    /** Members of group {@code t} (ordinal): four people, the first its secretary. */
    List<Person> groupPeople(int t) {
        List<Person> list = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            list.add(person(1 + (t * 2 + k) % People.CREATED_PER_PROVINCE));
        }
        return list;
    }

    /** Art. 9 (R10, R11): the five groups, members proposed by the Board (recorded by the secretariat), approved by the labour DG. */
    void workingGroups() {
        List<JsonNode> existing = api.all(secretariat, "/working-groups?province=" + p + "&status=ACTIVE");
        List<String> types = new ArrayList<>(GROUP_NAMES.keySet());
        demo.parallel(types, type -> {
            int t = types.indexOf(type);
            String id = existing.stream().filter(x -> x.path("type").asText().equals(type))
                    .map(x -> x.path("id").asText()).findFirst().orElse(null);
            if (id == null) {
                Res r = expect("form " + type, api.post(secretariat, "/working-groups", Map.of("province", p, "type", type,
                        "name", GROUP_NAMES.get(type) + " استان " + province.name(), "basis", "BOARD_DECISION",
                        "basisRef", "مصوبه هیئت امنا ۱۴۰۴/" + (t + 1)), key("group-" + type)), 200, 201);
                id = r.text("id");
                demo.report.created("working groups");
            } else {
                demo.report.found("working groups");
            }
            groups.put(type, id);
            seats(type, id, groupPeople(t));
        });
    }

    private void seats(String type, String groupId, List<Person> members) {
        String base = "/working-groups/" + groupId + "/members";
        List<JsonNode> seats = api.all(secretariat, base);
        boolean otherSecretary = seats.stream().anyMatch(s -> s.path("role").asText().equals("SECRETARY")
                && !s.path("status").asText().equals("REJECTED") && !s.path("personId").asText().equals(members.get(0).memberId));
        for (int k = 0; k < members.size(); k++) {
            Person m = members.get(k);
            JsonNode seat = seats.stream().filter(s -> s.path("personId").asText().equals(m.memberId)
                    && !s.path("status").asText().equals("REJECTED")).findFirst().orElse(null);
            if (seat == null) {
                String role = k == 0 && !otherSecretary ? "SECRETARY" : "MEMBER";
                Map<String, Object> proposal = Map.of("personId", m.memberId, "role", role,
                        "proposalRef", "صورت‌جلسه هیئت امنا شماره " + (10 + k));
                // the new member reaches workgroup-service through membership's events: wait for its projection
                Res r = Api.until(PROJECTION_WAIT, x -> x.status() != 422,
                        () -> api.post(secretariat, base, proposal, key("seat-" + groupId + "-" + m.memberId)));
                seat = expect("propose " + m.username + " to " + type, r, 200, 201).body();
                demo.report.created("working-group members");
            } else {
                demo.report.found("working-group members");
            }
            if (seat.path("status").asText().equals("PROPOSED")) {
                String seatPath = base + "/" + seat.path("id").asText();
                expect("approve seat of " + m.username, api.actWith(labourDg, seatPath + "/approve",
                        "\"" + seat.path("version").asLong() + "\"", Map.of("reason", "تأیید دبیر هیئت امنا (ماده ۹)")), 200);
            }
            if (seat.path("role").asText().equals("SECRETARY")) {
                groupSecretary.put(groupId, m.username);
            }
        }
    }

    // =========================================================================================== meetings

    static final String[] RESOLUTIONS = {
            "تصویب برنامه عملیاتی سه‌ماهه کانون و ابلاغ به کارگروه‌ها",
            "برگزاری همایش استانی روز ملی کارآفرینی با مشارکت دانشگاه‌ها",
            "تشکیل بانک اطلاعات طرح‌های آماده سرمایه‌گذاری استان",
            "پیگیری تسهیلات قرض‌الحسنه مشاغل خانگی از صندوق کارآفرینی امید",
            "انعقاد تفاهم‌نامه همکاری با پارک علم و فناوری استان",
            "برگزاری دوره آموزشی تجاری‌سازی ایده برای اعضای جوان"};

    /** R9 (Art. 7 Note, Art. 9 Note 2): Board every two months, the Association monthly, each group twice. */
    void meetings() {
        List<String> trusteeIds = new ArrayList<>(trustees.values());
        List<String> memberIds = people.stream().map(x -> x.memberId).toList();
        record Spec(String convener, String body, String groupId, String title, int daysAgo, List<String> expected, int variant) {
        }
        List<Spec> specs = new ArrayList<>();
        int[] board = {150, 90, 30};
        for (int i = 0; i < board.length; i++) {
            specs.add(new Spec(secretariat, "BOARD_OF_TRUSTEES", null, "جلسه هیئت امنای کانون کارآفرینان استان " + province.name()
                    + " — نشست " + (i + 1), board[i], trusteeIds, i));
        }
        int[] association = {151, 121, 91, 61, 31, 1};
        for (int i = 0; i < association.length; i++) {
            specs.add(new Spec(secretariat, "ASSOCIATION", null, "مجمع ماهانه کانون کارآفرینان استان " + province.name()
                    + " — نشست " + (i + 1), association[i], memberIds, i + 1));
        }
        // one upcoming Association meeting, so a calendar and RSVPs have something ahead
        specs.add(new Spec(secretariat, "ASSOCIATION", null, "مجمع ماهانه کانون کارآفرینان استان " + province.name()
                + " — نشست آینده", -10, memberIds, 0));
        int t = 0;
        for (String type : GROUP_NAMES.keySet()) {
            String groupId = groups.get(type);
            String convener = groupSecretary.get(groupId);
            if (convener == null) {
                demo.report.fact(p + ": " + type + " has a secretary the demo does not know; no meetings for it");
                t++;
                continue;
            }
            List<String> roster = groupPeople(t).stream().map(x -> x.memberId).toList();
            int[] days = {130, 40};
            for (int i = 0; i < days.length; i++) {
                specs.add(new Spec(convener, "WORKING_GROUP", groupId, GROUP_NAMES.get(type) + " — نشست " + (i + 1),
                        days[i] - t, roster, t + i));
            }
            t++;
        }
        // a working group's secretary convenes its meetings: recognised by the role sync's member_province
        demo.parallel(groupSecretary.values().stream().distinct().toList(),
                u -> waitForMemberRole(people.stream().filter(x -> x.username.equals(u)).findFirst().orElseThrow()));
        Map<String, JsonNode> existing = new java.util.concurrent.ConcurrentHashMap<>();
        for (JsonNode m : api.all(secretariat, "/meetings?province=" + p)) {
            existing.put(m.path("body").asText() + "|" + m.path("workingGroupId").asText("") + "|" + m.path("title").asText(), m);
        }
        demo.parallel(specs, x -> meeting(x.convener(), x.body(), x.groupId(), x.title(), x.daysAgo(), x.expected(), x.variant(),
                existing.get(x.body() + "|" + (x.groupId() == null ? "" : x.groupId()) + "|" + x.title())));
    }

    /**
     * Waits until Keycloak has the member's role and {@code member_province} (membership-service's role sync runs
     * every few seconds): a working group's secretary is recognised by them.
     */
    void waitForMemberRole(Person person) {
        long deadline = System.nanoTime() + PROJECTION_WAIT.toNanos();
        while (true) {
            String token = api.freshToken(person.username);
            if (Api.hasRole(token, "member") && p.equals(Api.claims(token).path("member_province").asText())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(person.username + " got no realm role member from the role sync in "
                        + PROJECTION_WAIT.toSeconds() + " s (is membership-service's Keycloak client configured?)");
            }
            Api.sleep(500);
        }
    }

    private void meeting(String convener, String body, String groupId, String title, int daysAgo, List<String> expected, int variant,
                         JsonNode found) {
        JsonNode m = found;
        if (m == null) {
            Instant start = demo.tehranTime(daysAgo, body.equals("ASSOCIATION") ? 16 : 10);
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("province", p);
            form.put("body", body);
            form.put("workingGroupId", groupId);
            form.put("title", title);
            form.put("mode", variant % 3 == 2 ? "HYBRID" : "IN_PERSON");
            form.put("place", "سالن جلسات اداره کل تعاون، کار و رفاه اجتماعی استان " + province.name());
            form.put("onlineUrl", variant % 3 == 2 ? "https://meet.kanoon.example/" + p.toLowerCase() + "-" + variant : null);
            form.put("startsAt", start.toString());
            form.put("endsAt", start.plus(Duration.ofHours(2)).toString());
            Res r = api.post(convener, "/meetings", form, key("meeting-" + body + "-" + groupId + "-" + title.hashCode()));
            if (r.status() == 422 && r.raw().contains("Art. 9 Note 2")) {
                // another group meeting (not the demo's) lies within 14 days: record why, as the rule asks
                form.put("shortIntervalReason", "پیگیری فوری مصوبات جلسه قبل");
                r = api.post(convener, "/meetings", form, key("meeting-short-" + body + "-" + groupId + "-" + title.hashCode()));
            }
            m = expect("schedule " + title, r, 200, 201).body();
            demo.report.created("meetings");
        } else {
            demo.report.found("meetings");
        }
        if (!m.path("status").asText().equals("SCHEDULED") || daysAgo < 0) {
            return;
        }
        String path = "/meetings/" + m.path("id").asText();
        // the roster is workgroup's projection of membership's and governance's events: wait for our people
        Set<String> want = new HashSet<>(expected);
        List<String> roster = new ArrayList<>();
        Api.until(PROJECTION_WAIT, x -> {
            roster.clear();
            x.body().forEach(e -> roster.add(e.path("personId").asText()));
            return roster.containsAll(want);
        }, () -> expect("roster " + path, api.get(secretariat, path + "/roster"), 200));
        // ours first, so the quorum is ours; about three quarters present, one excused
        List<String> ordered = new ArrayList<>(expected.stream().filter(roster::contains).toList());
        roster.stream().filter(x -> !want.contains(x)).forEach(ordered::add);
        int present = Math.max(1, (int) Math.ceil(ordered.size() * 0.75));
        if (present * 2 <= ordered.size()) {
            present = ordered.size() / 2 + 1;
        }
        List<String> presentIds = ordered.subList(0, Math.min(present, ordered.size()));
        List<String> excused = ordered.size() > present ? List.of(ordered.get(present)) : List.of();
        List<Map<String, Object>> resolutions = new ArrayList<>();
        LocalDate heldOn = demo.today.minusDays(daysAgo);
        resolutions.add(resolution(RESOLUTIONS[variant % RESOLUTIONS.length], "CONSENSUS", List.of(), heldOn.plusDays(45)));
        if (presentIds.size() >= 3) {
            List<Map<String, Object>> votes = new ArrayList<>();
            for (int i = 0; i < presentIds.size(); i++) {
                votes.add(Map.of("personId", presentIds.get(i), "vote", i == presentIds.size() - 1 ? "ABSTAIN" : "FOR"));
            }
            resolutions.add(resolution(RESOLUTIONS[(variant + 3) % RESOLUTIONS.length], "VOTES", votes, heldOn.plusDays(90)));
        }
        Map<String, Object> held = new LinkedHashMap<>();
        held.put("present", presentIds);
        held.put("excused", excused);
        held.put("guests", body.equals("BOARD_OF_TRUSTEES")
                ? List.of(Map.of("name", "نماینده سازمان برنامه و بودجه", "organisation", "سازمان مدیریت و برنامه‌ریزی استان " + province.name()))
                : List.of());
        held.put("minutes", "گزارش دبیرخانه قرائت شد؛ پیشرفت برنامه‌های مصوب بررسی و مصوبات زیر اتخاذ شد.");
        held.put("resolutions", resolutions);
        expect("hold " + title, api.act(convener, path, path + "/held", held), 200);
    }

    private static Map<String, Object> resolution(String text, String decision, List<Map<String, Object>> votes, LocalDate due) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("text", text);
        r.put("decision", decision);
        r.put("votes", votes);
        r.put("assignee", "دبیرخانه کانون");
        r.put("dueDate", due.toString());
        return r;
    }

    // ============================================================================================== ideas

    record IdeaPlan(String title, String summary, String kind, String sector, String stage, String target,
                    int submitter, String confidentiality, String[] tags, String[] support) {
    }

    static List<IdeaPlan> ideaPlans(Province pr) {
        String n = pr.name();
        List<IdeaPlan> plans = new ArrayList<>(List.of(
                new IdeaPlan("سامانه هوشمند مدیریت آب کشاورزی " + n, "حسگرهای کم‌هزینه رطوبت خاک و آبیاری خودکار برای باغداران کوچک",
                        "IDEA", "INDUSTRIAL", "PROTOTYPE", "REFERRED", 1, "PUBLIC", new String[]{"آب", "کشاورزی هوشمند"}, new String[]{"FUNDING", "INCUBATION"}),
                new IdeaPlan("بازارچه برخط صنایع دستی بانوان سرپرست خانوار " + n, "فروشگاه اینترنتی و آموزش بازاریابی دیجیتال برای مشاغل خانگی",
                        "INITIATIVE", "HOME_BUSINESS", "MARKET_READY", "ACCEPTED", 2, "PUBLIC", new String[]{"مشاغل خانگی", "صنایع دستی"}, new String[]{"MARKET_ACCESS"}),
                new IdeaPlan("دستگاه بازیافت پسماند پلاستیکی به فیلامنت چاپگر سه‌بعدی", "تبدیل بطری‌های پت به فیلامنت با هزینه یک‌سوم نمونه وارداتی",
                        "INVENTION", "INDUSTRIAL", "PROTOTYPE", "UNDER_EVALUATION", 3, "REVIEWERS", new String[]{"بازیافت", "چاپ سه‌بعدی"}, new String[]{"FUNDING", "PARTNERSHIP"}),
                new IdeaPlan("مرکز نوآوری گردشگری روستایی " + n, "شبکه اقامتگاه‌های بوم‌گردی با رزرو یکپارچه و آموزش میزبانان",
                        "IDEA", "SERVICES", "CONCEPT", "NEEDS_REVISION", 4, "MEMBERS", new String[]{"گردشگری", "روستا"}, new String[]{"MENTORING"}),
                new IdeaPlan("اپلیکیشن اشتراک ماشین‌آلات کشاورزی", "اجاره ساعتی تراکتور و کمباین میان کشاورزان یک منطقه",
                        "IDEA", "SERVICES", "CONCEPT", "REJECTED", 6, "PUBLIC", new String[]{"اقتصاد اشتراکی"}, new String[]{"FUNDING"}),
                new IdeaPlan("آموزش مهارت‌های دیجیتال به سالمندان", "کارگاه‌های محله‌محور آموزش بانکداری و خدمات دولت الکترونیک",
                        "INITIATIVE", "SERVICES", "CONCEPT", "SCREENING", 7, "PUBLIC", new String[]{"آموزش", "سالمندان"}, new String[]{"MENTORING", "PARTNERSHIP"}),
                new IdeaPlan("بسته‌بندی هوشمند زعفران با برچسب اصالت", "برچسب QR و زنجیره بلوکی برای ردیابی اصالت زعفران صادراتی",
                        "IDEA", "COMMERCIAL", "PROTOTYPE", "SUBMITTED", 8, "PUBLIC", new String[]{"صادرات", "زعفران"}, new String[]{"MARKET_ACCESS"})));
        if (pr == People.TEHRAN) {
            // a duplicate of the home-business marketplace: management merges it into the original (pg_trgm finds it)
            plans.add(new IdeaPlan("بازارچه اینترنتی صنایع دستی بانوان سرپرست خانوار " + n, "فروشگاه برخط و آموزش بازاریابی دیجیتال برای مشاغل خانگی بانوان",
                    "INITIATIVE", "HOME_BUSINESS", "CONCEPT", "MERGED", 9, "PUBLIC", new String[]{"مشاغل خانگی"}, new String[]{"MARKET_ACCESS"}));
            plans.add(new IdeaPlan("پلتفرم تأمین مالی جمعی طرح‌های دانش‌بنیان", "سکوی کرادفاندینگ دارای مجوز برای طرح‌های کوچک فناورانه",
                    "IDEA", "SERVICES", "CONCEPT", "SUBMITTED", 10, "MEMBERS", new String[]{"تأمین مالی جمعی"}, new String[]{"FUNDING", "PARTNERSHIP"}));
        }
        return plans;
    }

    /** Art. 3-6, 3-15: ideas in every state of the stage gate, evaluated by two members of the ideas working group. */
    void ideas() {
        for (JsonNode i : api.all(secretariat, "/ideas?province=" + p)) {
            ideasByTitle.put(i.path("title").asText(), i);
        }
        JsonNode criteria = api.read(secretariat, "/ideas/criteria");
        List<IdeaPlan> plans = ideaPlans(province);
        Map<String, String> ids = new java.util.concurrent.ConcurrentHashMap<>();
        // a duplicate is merged into an original that exists: the MERGED one goes last
        demo.parallel(plans.stream().filter(x -> !x.target().equals("MERGED")).toList(), plan -> ids.put(plan.target(), idea(plan, criteria, null)));
        plans.stream().filter(x -> x.target().equals("MERGED")).forEach(plan -> idea(plan, criteria, ids.get("ACCEPTED")));
    }

    private String idea(IdeaPlan plan, JsonNode criteria, String original) {
        JsonNode idea = ideasByTitle.get(plan.title());
        Person submitter = person(plan.submitter());
        if (idea == null) {
            Res r = expect("submit " + plan.title(), api.post(submitter.username, "/ideas", ideaForm(plan, submitter),
                    key("idea-" + plan.submitter() + "-" + plan.target())), 200, 201);
            idea = r.body();
            demo.report.created("ideas");
        } else {
            demo.report.found("ideas");
        }
        String id = idea.path("id").asText();
        advanceIdea(id, plan, submitter, criteria, original);
        return id;
    }

    private Map<String, Object> ideaForm(IdeaPlan plan, Person submitter) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("kind", plan.kind());
        f.put("title", plan.title());
        f.put("summary", plan.summary());
        f.put("description", plan.summary() + ". طرح در " + province.name() + " آزمایش شده و برای گسترش به حمایت نیاز دارد.");
        f.put("sector", plan.sector());
        f.put("tags", List.of(plan.tags()));
        f.put("stage", plan.stage());
        f.put("supportSought", List.of(plan.support()));
        f.put("province", p);
        f.put("confidentiality", plan.confidentiality());
        f.put("team", List.of(Map.of("userId", submitter.userId, "memberId", submitter.memberId,
                "displayName", submitter.fullName(), "role", "بنیان‌گذار")));
        if (plan.kind().equals("INVENTION")) {
            f.put("patent", Map.of("registrationNumber", "1404-" + province.number() + "-" + (50000 + plan.submitter()),
                    "office", "اداره کل ثبت شرکت‌ها و مالکیت صنعتی", "date", demo.today.minusDays(400).toString()));
        }
        return f;
    }

    /** The two members of the ideas working group who review (never the submitter: Art. 9). */
    private List<Person> reviewers(Person submitter) {
        List<Person> group = groupPeople(1); // IDEAS_INVENTIONS_INNOVATION
        return group.stream().filter(x -> x != submitter).limit(2).toList();
    }

    private static final List<String> ORDER = List.of("SUBMITTED", "SCREENING", "UNDER_EVALUATION", "DECIDED", "REFERRED");

    private void advanceIdea(String id, IdeaPlan plan, Person submitter, JsonNode criteria, String original) {
        String path = "/ideas/" + id;
        Res current = expect("GET " + path, api.get(secretariat, path), 200);
        for (int step = 0; step < 8; step++) {
            JsonNode idea = current.body();
            String status = idea.path("status").asText();
            String target = plan.target();
            // (an idea left under evaluation still gets its first review below)
            if (status.equals(target) && !target.equals("UNDER_EVALUATION")) {
                return;
            }
            switch (status) {
                case "SUBMITTED" -> {
                    if (target.equals("MERGED")) {
                        if (original == null) {
                            throw new IllegalStateException("no original to merge " + plan.title() + " into");
                        }
                        current = api.step(secretariat, path, current, path + "/merge", Map.of("originalId", original,
                                "reason", "تکراری: همان ایده بازارچه برخط صنایع دستی"), "merge " + plan.title());
                    } else {
                        current = status(path, current, "SCREENING", "غربالگری اولیه دبیرخانه: مدارک کامل است");
                    }
                }
                case "SCREENING" -> {
                    if (idea.path("evaluation").path("reviewersAssigned").asInt() == 0) {
                        for (Person r : reviewers(submitter)) {
                            // ideabank learns the group's members from workgroup's events: wait for its projection
                            Res res = Api.until(PROJECTION_WAIT, x -> x.status() != 422,
                                    () -> api.act(secretariat, path, path + "/reviewers", Map.of("userId", r.userId, "outsideExpert", false)));
                            expect("assign reviewer " + r.username, res, 200, 201);
                        }
                        current = expect("GET " + path, api.get(secretariat, path), 200);
                    }
                    current = status(path, current, "UNDER_EVALUATION", "ارجاع به کارگروه ایده‌ها برای ارزیابی");
                }
                case "UNDER_EVALUATION" -> {
                    List<Person> reviewers = reviewers(submitter);
                    // an idea left under evaluation has one of its two reviews in
                    int reviews = target.equals("UNDER_EVALUATION") ? 1 : reviewers.size();
                    for (int i = 0; i < reviews; i++) {
                        Map<String, Integer> scores = new LinkedHashMap<>();
                        int j = 0;
                        for (var it = criteria.fieldNames(); it.hasNext(); j++) {
                            int base = target.equals("REJECTED") ? 3 : target.equals("NEEDS_REVISION") ? 5 : 8;
                            scores.put(it.next(), Math.min(10, base + (i + j) % 3));
                        }
                        Res r = api.post(reviewers.get(i).username, path + "/reviews", Map.of("scores", scores,
                                "comment", target.equals("REJECTED") ? "بازار هدف کوچک و مزیت رقابتی نامشخص است"
                                        : "طرح نوآورانه با تیم توانمند؛ مدل درآمدی نیاز به تدقیق دارد"), null);
                        if (r.status() != 409) {
                            expect("review by " + reviewers.get(i).username, r, 200, 201);
                        }
                    }
                    if (target.equals("UNDER_EVALUATION")) {
                        return;
                    }
                    String decision = target.equals("REFERRED") ? "ACCEPTED" : target;
                    current = expect("GET " + path, api.get(secretariat, path), 200); // the reviews changed its version
                    current = status(path, current, decision, switch (decision) {
                        case "ACCEPTED" -> "امتیاز وزنی بالاتر از حد نصاب؛ مصوبه کارگروه ایده‌ها";
                        case "REJECTED" -> "امتیاز وزنی کمتر از حد نصاب";
                        default -> "برآورد بازار و برنامه مالی را کامل کنید";
                    });
                }
                case "ACCEPTED" -> current = api.step(secretariat, path, current, path + "/referral", Map.of(
                        "referredTo", "INCUBATOR", "organisation", "مرکز رشد واحدهای فناور " + province.university(),
                        "reason", "نیاز به استقرار در مرکز رشد و منتورینگ فنی"), "refer " + plan.title());
                default -> throw new IllegalStateException(path + " is " + status + ", cannot reach " + target);
            }
        }
    }

    private Res status(String path, Res current, String to, String reason) {
        return api.step(secretariat, path, current, path + "/status", Map.of("to", to, "reason", reason), "idea " + path + " -> " + to);
    }

    // ======================================================================================== experiences

    /** Art. 3-8: top entrepreneurs' documented experiences, recorded by the secretariat, published by the labour DG. */
    void experiences() {
        List<JsonNode> existing = api.all(secretariat, "/experiences?province=" + p);
        String[][] plans = {
                {"از کارگاه خانگی تا صادرات: تجربه " + person(1).fullName(), "PUBLISHED", "1"},
                {"شکست‌ها و درس‌های راه‌اندازی یک شرکت دانش‌بنیان در " + province.name(), "IN_REVIEW", "5"}};
        for (String[] plan : plans) {
            Person author = person(Integer.parseInt(plan[2]));
            JsonNode e = existing.stream().filter(x -> x.path("title").asText().equals(plan[0])).findFirst().orElse(null);
            if (e == null) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("memberId", author.memberId);
                f.put("province", p);
                f.put("title", plan[0]);
                f.put("story", "کسب‌وکار با دو نفر و سرمایه‌ای اندک آغاز شد و پس از هشت سال به " + (20 + author.index * 3)
                        + " نفر نیروی کار و صادرات به کشورهای همسایه رسید.");
                f.put("lessons", "بازار را پیش از تولید بشناسید؛ تیم را از آغاز درگیر مالکیت کنید؛ از شکست‌های کوچک نترسید.");
                f.put("sector", "INDUSTRIAL");
                f.put("tags", List.of("صادرات", "تجربه"));
                f.put("mediaLinks", List.of("https://www.aparat.com/v/kanoon" + province.number() + author.index));
                e = expect("experience " + plan[0], api.post(secretariat, "/experiences", f, key("experience-" + plan[1])), 200, 201).body();
                demo.report.created("experiences");
            } else {
                demo.report.found("experiences");
            }
            String path = "/experiences/" + e.path("id").asText();
            String status = api.read(secretariat, path).path("status").asText();
            if (status.equals("DRAFT") || status.equals("RETURNED")) {
                expect("submit experience", api.act(secretariat, path, path + "/submit", null), 200);
                status = "IN_REVIEW";
            }
            if (status.equals("IN_REVIEW") && plan[1].equals("PUBLISHED")) {
                expect("publish experience", api.act(labourDg, path, path + "/review",
                        Map.of("decision", "PUBLISHED", "note", "مستندسازی کامل و قابل انتشار است")), 200);
            }
        }
    }

    // ============================================================================================ summary

    void summary() {
        JsonNode board = api.read(secretariat, "/boards/" + p);
        long officers = api.all(secretariat, "/officers?province=" + p).stream()
                .filter(o -> o.path("status").asText().equals("ACTIVE")).count();
        JsonNode stats = api.read(secretariat, "/members/stats?province=" + p);
        long held = api.all(secretariat, "/meetings?province=" + p + "&status=HELD").size();
        JsonNode facets = api.read(secretariat, "/ideas/facets?province=" + p);
        demo.report.fact(String.format("%s (%s): Board %d/%d seats filled, %d officers; members %s; meetings held %d; ideas %s",
                province.latin(), p, board.path("seatsFilled").asInt(), board.path("seatsTotal").asInt(), officers,
                stats.path("byCategory").isMissingNode() ? stats.toString() : stats.path("byCategory").toString(), held,
                facets.path("status").toString()));
    }
}
