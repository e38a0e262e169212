package ir.kanoon.demo;

import ir.kanoon.platform.testing.NationalIds;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo people: deterministic (so a second run finds the same ones), with Persian names and valid national IDs
 * (nine digits and the mod-11 check digit, weights 10..2 — the rule platform's national-ID validation applies).
 */
final class People {

    /** A province of the demo: code, Persian and Latin names, the demo users' prefix, a number for IDs. */
    record Province(String code, String name, String latin, String prefix, int number, String university, String city) {
    }

    static final Province TEHRAN = new Province("IR-07", "تهران", "Tehran", "tehran", 7, "دانشگاه تهران", "تهران");
    static final Province ISFAHAN = new Province("IR-04", "اصفهان", "Isfahan", "isfahan", 4, "دانشگاه صنعتی اصفهان", "اصفهان");

    /** A member-to-be: a Keycloak user who applies under their own verified national ID (Art. 4 categories). */
    static final class Person {
        final Province province;
        final String username;
        final String firstName;
        final String lastName;
        final String firstLatin;
        final String lastLatin;
        final String nationalId;
        final String category;
        final int index;
        String userId;   // Keycloak sub
        String memberId; // after admission

        Person(Province province, String username, int index, String nationalId, String category) {
            this.province = province;
            this.username = username;
            this.index = index;
            String[] first = FIRST[(index + province.number()) % FIRST.length];
            String[] last = LAST[(index * 7 + province.number() * 3) % LAST.length];
            this.firstName = first[0];
            this.firstLatin = first[1];
            this.lastName = last[0];
            this.lastLatin = last[1];
            this.nationalId = nationalId;
            this.category = category;
        }

        String fullName() {
            return firstName + " " + lastName;
        }
    }

    static final String[][] FIRST = {
            {"مریم", "Maryam"}, {"علی", "Ali"}, {"زهرا", "Zahra"}, {"محمدرضا", "Mohammadreza"}, {"نرگس", "Narges"},
            {"حسین", "Hossein"}, {"سارا", "Sara"}, {"امیرحسین", "Amirhossein"}, {"فاطمه", "Fatemeh"}, {"مهدی", "Mahdi"},
            {"نیلوفر", "Niloufar"}, {"رضا", "Reza"}, {"الهام", "Elham"}, {"سعید", "Saeed"}, {"پریسا", "Parisa"},
            {"کاوه", "Kaveh"}, {"شیرین", "Shirin"}, {"بهرام", "Bahram"}};
    static final String[][] LAST = {
            {"کریمی", "Karimi"}, {"احمدی", "Ahmadi"}, {"حسینی", "Hosseini"}, {"رضایی", "Rezaei"}, {"موسوی", "Mousavi"},
            {"جعفری", "Jafari"}, {"صادقی", "Sadeghi"}, {"کاظمی", "Kazemi"}, {"نوری", "Nouri"}, {"رحیمی", "Rahimi"},
            {"هاشمی", "Hashemi"}, {"طاهری", "Taheri"}, {"قاسمی", "Ghasemi"}, {"میرزایی", "Mirzaei"}, {"اکبری", "Akbari"},
            {"شریفی", "Sharifi"}, {"یزدانی", "Yazdani"}, {"فرهادی", "Farhadi"}, {"ملکی", "Maleki"}};

    static final String[] CATEGORIES = {"ENTREPRENEUR", "FACULTY", "NGO_REPRESENTATIVE", "GOVERNMENT_REPRESENTATIVE"};
    static final String[] SECTORS = {"INDUSTRIAL", "SERVICES", "COMMERCIAL", "HOME_BUSINESS"};

    /** How many people the loader creates per province (three of each category) besides the realm's demo member. */
    static final int CREATED_PER_PROVINCE = 12;

    private People() {
    }

    /**
     * The province's members-to-be: the realm's {@code <province>-member} demo user (national ID from the realm) first,
     * then {@code demo-<province>-01..12}, three of each category.
     */
    static List<Person> of(Province p, String realmMemberNationalId) {
        List<Person> people = new ArrayList<>();
        people.add(new Person(p, p.prefix() + "-member", 0, realmMemberNationalId, "ENTREPRENEUR"));
        for (int i = 1; i <= CREATED_PER_PROVINCE; i++) {
            people.add(new Person(p, String.format("demo-%s-%02d", p.prefix(), i), i, nationalId(p, 3, i),
                    CATEGORIES[(i - 1) % 4]));
        }
        return people;
    }

    /** {@code 9 PP K IIIII} + check digit: never collides with the realm's demo users (theirs start with 00). */
    static String nationalId(Province p, int kind, int index) {
        return withCheckDigit(String.format("9%02d%d%05d", p.number(), kind, index));
    }

    static String withCheckDigit(String nineDigits) {
        return NationalIds.withCheckDigit(nineDigits);
    }

    static boolean validNationalId(String id) {
        return id.matches("[0-9]{10}") && id.chars().distinct().count() > 1
                && withCheckDigit(id.substring(0, 9)).equals(id);
    }
}
