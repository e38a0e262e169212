package ir.kanoon.demo;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo people are valid for the services (conventions: national ID checksum) and stable between runs. */
class PeopleTest {

    @Test
    void checkDigitIsTheConventionsMod11_asTheRealmsDemoUsersHaveIt() {
        // deploy/keycloak/kanoon-realm.json: tehran-secretariat, isfahan-trustee, ministry-analyst
        for (String realmId : List.of("0013508016", "0003508102", "0043508146")) {
            assertEquals(realmId, People.withCheckDigit(realmId.substring(0, 9)));
        }
        assertFalse(People.validNationalId("0013508017"), "a wrong check digit is refused");
        assertFalse(People.validNationalId("1111111111"), "one repeated digit is refused");
    }

    @Test
    void everyDemoPersonHasAValidDistinctNationalId_andFourCategoriesPerProvince() {
        Set<String> ids = new HashSet<>();
        for (People.Province p : List.of(People.TEHRAN, People.ISFAHAN)) {
            List<People.Person> people = People.of(p, "0053508051");
            assertEquals(1 + People.CREATED_PER_PROVINCE, people.size());
            for (People.Person person : people.subList(1, people.size())) {
                assertTrue(People.validNationalId(person.nationalId), person.nationalId);
                assertTrue(ids.add(person.nationalId), "duplicate " + person.nationalId);
                assertTrue(person.firstName.matches("[\\u0600-\\u06FF\\u200C ]+"), "Persian name: " + person.firstName);
            }
            for (String category : People.CATEGORIES) {
                assertEquals(3, people.subList(1, people.size()).stream().filter(x -> x.category.equals(category)).count(), category);
            }
            for (int kind : new int[]{5}) {
                for (int i = 1; i <= 8; i++) {
                    assertTrue(ids.add(People.nationalId(p, kind, i)), "trustee IDs differ from members'");
                }
            }
        }
    }

    @Test
    void sameInputsGiveTheSamePeople_soASecondRunFindsThem() {
        List<People.Person> a = People.of(People.TEHRAN, "0053508051");
        List<People.Person> b = People.of(People.TEHRAN, "0053508051");
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).username, b.get(i).username);
            assertEquals(a.get(i).nationalId, b.get(i).nationalId);
            assertEquals(a.get(i).fullName(), b.get(i).fullName());
        }
    }
}
