package org.tacecrf.domain.ctcae;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.study.CodeListItem;
import org.tacecrf.domain.study.StudyCatalog;

class CtcaeCodeListTest {

    private static List<String> libraryCodes() {
        StudyCatalog catalog = StudyCatalog.load(Path.of(System.getProperty("basedir", ".")).resolve("config/studies"));
        return catalog.get("icc-deb-tace").codeList(CtcaeCodeList.LIST_ID).orElseThrow().items().stream()
                .map(CodeListItem::code).toList();
    }

    @Test
    void everyTermOfTheLibraryListHasItsCatalogueTermExceptFreeOther() {
        for (String code : libraryCodes()) {
            if (code.equals("OTHER")) {
                assertThat(CtcaeCodeList.term(code)).isEmpty();
            } else {
                assertThat(CtcaeCodeList.term(code)).as(code).isPresent();
                assertThat(CtcaeCodeList.code(CtcaeCodeList.term(code).get())).contains(code);
            }
        }
    }

    @Test
    void gradesAreThoseTheTermDefines() {
        assertThat(CtcaeCodeList.allows("NAUSEA", 3)).isTrue();
        assertThat(CtcaeCodeList.allows("NAUSEA", 4)).isFalse();
        assertThat(CtcaeCodeList.allows("VASOVAGAL_REACTION", 2)).isFalse();
        assertThat(CtcaeCodeList.allows("HEPATIC_FAILURE", 3)).isTrue();
        assertThat(CtcaeCodeList.definition("NAUSEA", 1)).map(GradeDefinition::text)
                .contains("Loss of appetite without change in eating habits");
        assertThat(CtcaeCodeList.definition("NAUSEA", 5)).isEmpty();
    }

    @Test
    void aFreeTermTakesAnyGradeWithTheGeneralDefinitions() {
        assertThat(CtcaeCodeList.allows("OTHER", 5)).isTrue();
        assertThat(CtcaeCodeList.allows("OTHER", 6)).isFalse();
        assertThat(CtcaeCodeList.definition("OTHER", 2)).map(GradeDefinition::source)
                .contains(GradeDefinition.TextSource.GENERAL_DEFINITION);
    }
}
