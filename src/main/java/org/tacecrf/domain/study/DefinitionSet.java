package org.tacecrf.domain.study;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Collects the code lists, reusable item groups and forms of the library or of one study file,
 * checking that ids are unique and, for a study, that they do not collide with built-in ones.
 * Sections are read in dependency order (code lists, then groups, then forms) whatever their order
 * in the file, so that references can be checked as items are read.
 */
final class DefinitionSet {

    private final Problems problems;
    private final FormLibrary base;
    private final Origin origin;
    private final Map<String, CodeList> codeLists = new LinkedHashMap<>();
    private final Map<String, ItemGroupDef> itemGroups = new LinkedHashMap<>();
    private final Map<String, FormDef> forms = new LinkedHashMap<>();

    /** @param base the built-in library a study builds on, or null when reading the library itself */
    DefinitionSet(Problems problems, FormLibrary base, Origin origin) {
        this.problems = problems;
        this.base = base;
        this.origin = origin;
    }

    DefinitionParser parser(Source source) {
        return new DefinitionParser(source, origin, knownCodeLists());
    }

    void addCodeLists(Source source, List<Node> nodes) {
        DefinitionParser parser = parser(source);
        for (Node n : nodes) {
            parser.codeList(n).ifPresent(cl -> {
                if (FormLibrary.STUDY_SUPPLIED.contains(cl.id())) {
                    problems.add(ErrorKind.ID_CLASH, cl.location(), "code list id '" + cl.id()
                            + "' is reserved: every study supplies it from its own definition");
                } else if (base != null && base.codeList(cl.id()).isPresent()) {
                    problems.add(ErrorKind.ID_CLASH, cl.location(), "code list '" + cl.id()
                            + "' is built in; use it as it is or give the study's list another id");
                } else if (codeLists.containsKey(cl.id())) {
                    problems.add(ErrorKind.DUPLICATE_ID, cl.location(), "code list '" + cl.id()
                            + "' is already defined at " + codeLists.get(cl.id()).location());
                } else {
                    codeLists.put(cl.id(), cl);
                }
            });
        }
    }

    void addItemGroups(Source source, List<Node> nodes) {
        DefinitionParser parser = parser(source);
        for (Node n : nodes) {
            parser.template(n).ifPresent(g -> {
                if (base != null && base.itemGroup(g.id()).isPresent()) {
                    problems.add(ErrorKind.ID_CLASH, g.location(), "item group '" + g.id()
                            + "' is built in; use it with 'use: " + g.id() + "' or choose another id");
                } else if (itemGroups.containsKey(g.id())) {
                    problems.add(ErrorKind.DUPLICATE_ID, g.location(), "item group '" + g.id()
                            + "' is already defined at " + itemGroups.get(g.id()).location());
                } else {
                    itemGroups.put(g.id(), g);
                }
            });
        }
    }

    FormAssembler assembler() {
        Map<String, ItemGroupDef> visible = new LinkedHashMap<>();
        if (base != null) {
            visible.putAll(base.itemGroupMap());
        }
        visible.putAll(itemGroups);
        return new FormAssembler(problems, visible);
    }

    void addForm(FormSpecs.Form spec, FormAssembler assembler) {
        if (base != null && base.form(spec.id()).isPresent()) {
            problems.add(ErrorKind.ID_CLASH, spec.location(), "form '" + spec.id()
                    + "' is a built-in form; to add items to it write 'extends: " + spec.id() + "'");
            return;
        }
        if (forms.containsKey(spec.id())) {
            problems.add(ErrorKind.DUPLICATE_ID, spec.location(), "form '" + spec.id() + "' is already defined at "
                    + forms.get(spec.id()).location());
            return;
        }
        assembler.build(spec).ifPresent(f -> forms.put(f.id(), f));
    }

    /** Adds a form built elsewhere (a study's extension of a built-in form). */
    void putForm(FormDef form) {
        forms.put(form.id(), form);
    }

    Set<String> knownCodeLists() {
        Set<String> known = new HashSet<>(codeLists.keySet());
        if (base != null) {
            known.addAll(base.codeListMap().keySet());
        }
        known.addAll(FormLibrary.STUDY_SUPPLIED);
        return known;
    }

    Optional<CodeList> codeList(String id) {
        CodeList own = codeLists.get(id);
        if (own != null || base == null) {
            return Optional.ofNullable(own);
        }
        return base.codeList(id);
    }

    Map<String, CodeList> codeLists() {
        return codeLists;
    }

    Map<String, ItemGroupDef> itemGroups() {
        return itemGroups;
    }

    Map<String, FormDef> forms() {
        return forms;
    }
}
