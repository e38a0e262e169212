package ir.kanoon.membership.profile;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** R7 (Art. 4): four categories, each described by its own facts only. */
class CategoryRequirementsTest {

    private static Profile of(Category c) {
        Profile p = new Profile();
        p.category = c;
        return p;
    }

    private static List<String> fields(Profile p) {
        return CategoryRequirements.check(p).stream().map(CategoryRequirements.Violation::field).toList();
    }

    @Test
    void r7_entrepreneurNeedsASector() {
        assertEquals(List.of("sector"), fields(of(Category.ENTREPRENEUR)));
        Profile p = of(Category.ENTREPRENEUR);
        p.sector = Sector.HOME_BUSINESS;
        assertTrue(CategoryRequirements.check(p).isEmpty());
    }

    @Test
    void r7_facultyNeedsUniversityAndRank() {
        assertEquals(List.of("academicRank", "university"), fields(of(Category.FACULTY)));
        Profile p = of(Category.FACULTY);
        p.university = "دانشگاه اصفهان";
        p.academicRank = AcademicRank.PROFESSOR;
        assertTrue(CategoryRequirements.check(p).isEmpty());
    }

    @Test
    void r7_ngoRepresentativeNeedsOrganisationAndRegistrationNumber() {
        assertEquals(List.of("organisation", "registrationNumber"), fields(of(Category.NGO_REPRESENTATIVE)));
    }

    @Test
    void r7_governmentRepresentativeNeedsBodyAndPosition() {
        assertEquals(List.of("governmentBody", "position"), fields(of(Category.GOVERNMENT_REPRESENTATIVE)));
    }

    @Test
    void r7_factsOfAnotherCategoryAreRefusedNotKept() {
        Profile p = of(Category.FACULTY);
        p.university = "دانشگاه صنعتی شریف";
        p.academicRank = AcademicRank.ASSISTANT_PROFESSOR;
        p.sector = Sector.INDUSTRIAL;
        p.position = "معاون";
        var violations = CategoryRequirements.check(p);
        assertEquals(List.of("position", "sector"), violations.stream().map(CategoryRequirements.Violation::field).toList());
        assertTrue(violations.stream().allMatch(v -> v.messageKey().equals(CategoryRequirements.NOT_APPLICABLE)));
    }

    @Test
    void r7_changingCategoryClearsTheOldCategorysFacts() {
        Profile p = of(Category.ENTREPRENEUR);
        p.sector = Sector.SERVICES;
        CategoryRequirements.clearOtherCategories(p, Category.NGO_REPRESENTATIVE);
        assertEquals(null, p.sector);
    }

    @Test
    void r7_noCategoryIsMissingCategory() {
        assertEquals(List.of("category"), fields(new Profile()));
    }
}
