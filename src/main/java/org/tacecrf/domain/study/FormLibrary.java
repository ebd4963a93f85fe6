package org.tacecrf.domain.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in TACE form library: forms, reusable item groups, code lists and edit checks (the
 * built-in TACE rules) shipped as YAML under {@code org/tacecrf/forms/} on the class path and
 * validated with the same rules as study files.
 * Studies reference these forms by id and may extend them.
 */
public final class FormLibrary {

    /** Class-path folder of the built-in library; its {@code library.yaml} lists the files. */
    public static final String BUILT_IN_ROOT = "org/tacecrf/forms/";

    /**
     * Code list every study supplies from its {@code arms:} section (code = arm id). Library forms
     * may refer to it, e.g. the enrolment form's {@code arm} item.
     */
    public static final String STUDY_ARMS = "study_arms";

    /** Code list every study supplies from its eligibility criteria (code = criterion id). */
    public static final String STUDY_ELIGIBILITY = "study_eligibility";

    /** Ids of the code lists that studies supply. */
    public static final java.util.Set<String> STUDY_SUPPLIED = java.util.Set.of(STUDY_ARMS, STUDY_ELIGIBILITY);

    private static volatile FormLibrary builtIn;

    private final Map<String, FormDef> forms;
    private final Map<String, ItemGroupDef> itemGroups;
    private final Map<String, CodeList> codeLists;
    private final List<EditCheckDef> editChecks;

    FormLibrary(List<FormDef> forms, List<ItemGroupDef> itemGroups, List<CodeList> codeLists,
                List<EditCheckDef> editChecks) {
        this.forms = index(forms.stream().map(f -> Map.entry(f.id(), f)).toList());
        this.itemGroups = index(itemGroups.stream().map(g -> Map.entry(g.id(), g)).toList());
        this.codeLists = index(codeLists.stream().map(c -> Map.entry(c.id(), c)).toList());
        this.editChecks = List.copyOf(editChecks);
    }

    private static <T> Map<String, T> index(List<Map.Entry<String, T>> entries) {
        Map<String, T> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.getKey(), e.getValue()));
        return java.util.Collections.unmodifiableMap(map);
    }

    /**
     * The library shipped with the application, loaded once.
     *
     * @throws StudyDefinitionException if the shipped library is invalid
     */
    public static FormLibrary builtIn() {
        FormLibrary library = builtIn;
        if (library == null) {
            synchronized (FormLibrary.class) {
                library = builtIn;
                if (library == null) {
                    library = load(BUILT_IN_ROOT);
                    builtIn = library;
                }
            }
        }
        return library;
    }

    /**
     * Loads a library from a class-path folder holding a {@code library.yaml} index.
     *
     * @throws StudyDefinitionException listing every error found
     */
    public static FormLibrary load(String classpathRoot) {
        return new LibraryLoader(classpathRoot).load();
    }

    public Optional<FormDef> form(String id) {
        return Optional.ofNullable(forms.get(id));
    }

    public Optional<ItemGroupDef> itemGroup(String id) {
        return Optional.ofNullable(itemGroups.get(id));
    }

    public Optional<CodeList> codeList(String id) {
        return Optional.ofNullable(codeLists.get(id));
    }

    public List<FormDef> forms() {
        return List.copyOf(forms.values());
    }

    public List<ItemGroupDef> itemGroups() {
        return List.copyOf(itemGroups.values());
    }

    public List<CodeList> codeLists() {
        return List.copyOf(codeLists.values());
    }

    /**
     * The built-in TACE rules: edit checks that apply to every study collecting the forms and items
     * they read, unless the study switches them off.
     */
    public List<EditCheckDef> editChecks() {
        return editChecks;
    }

    public Optional<EditCheckDef> editCheck(String id) {
        return editChecks.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    Map<String, FormDef> formMap() {
        return forms;
    }

    Map<String, ItemGroupDef> itemGroupMap() {
        return itemGroups;
    }

    Map<String, CodeList> codeListMap() {
        return codeLists;
    }
}
