package org.tacecrf.domain.exchange;

import java.util.Optional;

import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.ItemGroupDef;
import org.tacecrf.domain.study.StudyDefinition;

/**
 * The object identifiers of the ODM files this system writes and reads, built from the stable ids of
 * the study definition: {@code S.<study>}, {@code MDV.<version>}, {@code SE.<visit>}, {@code F.<form>},
 * {@code IG.<form>.<group>}, {@code I.<form>.<item>}, {@code CL.<code list>}, {@code MU.<unit>},
 * {@code LOC.<site>}, {@code U.<user name>}, {@code MT.<form>.<item>} (calculations) and
 * {@code SD.<meaning>} (signature meanings). Item and group OIDs name their form because a study
 * may extend a library group differently on different forms.
 */
public final class OdmOids {

    public static final String NAMESPACE = "http://www.cdisc.org/ns/odm/v1.3";

    private OdmOids() {
    }

    public static String study(StudyDefinition study) {
        return "S." + study.id();
    }

    public static String metaDataVersion(StudyDefinition study) {
        return "MDV." + study.version();
    }

    public static String studyEvent(String visitId) {
        return "SE." + visitId;
    }

    public static String form(String formId) {
        return "F." + formId;
    }

    public static String itemGroup(FormDef form, ItemGroupDef group) {
        return "IG." + form.id() + "." + group.id();
    }

    public static String item(FormDef form, ItemDef item) {
        return "I." + form.id() + "." + item.id();
    }

    public static String codeList(String codeListId) {
        return "CL." + codeListId;
    }

    public static String unit(String unit) {
        return "MU." + unit;
    }

    public static String location(String siteId) {
        return "LOC." + siteId;
    }

    public static String user(String username) {
        return "U." + username;
    }

    public static String method(FormDef form, ItemDef item) {
        return "MT." + form.id() + "." + item.id();
    }

    public static String signature(String meaning) {
        return "SD." + meaning;
    }

    /** The id after a prefix, e.g. {@code baseline} from {@code F.baseline}; empty when the prefix differs. */
    public static Optional<String> strip(String oid, String prefix) {
        return oid != null && oid.startsWith(prefix) && oid.length() > prefix.length() ? Optional.of(oid.substring(prefix.length()))
                : Optional.empty();
    }
}
