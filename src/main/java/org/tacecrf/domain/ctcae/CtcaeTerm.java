package org.tacecrf.domain.ctcae;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A CTCAE v5.0 adverse-event term with the grades it defines. Only these grades may be offered
 * on the form (e.g. nausea has grades 1-3 only; a dash in CTCAE means the grade does not exist).
 *
 * @param code         stable slug used as the stored code, e.g. {@code "alt-increased"}
 * @param name         English CTCAE term
 * @param nameZh       Chinese name, or null where no confident translation is held
 * @param soc          MedDRA system organ class
 * @param grades       definitions of the grades this term allows, by grade
 * @param otherSpecify true for "&lt;SOC&gt; - Other, specify" entries, which need a verbatim description
 */
public record CtcaeTerm(String code, String name, String nameZh, Soc soc, SortedMap<Integer, GradeDefinition> grades,
                        boolean otherSpecify) {

    public CtcaeTerm {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(soc, "soc");
        if (grades == null || grades.isEmpty()) {
            throw new IllegalArgumentException("A term needs at least one grade: " + code);
        }
        grades.forEach((g, d) -> {
            if (g != d.grade()) {
                throw new IllegalArgumentException("Grade key " + g + " does not match its definition in " + code);
            }
        });
        grades = Collections.unmodifiableSortedMap(new TreeMap<>(grades));
    }

    static CtcaeTerm of(String code, String name, String nameZh, Soc soc, List<GradeDefinition> definitions,
                        boolean otherSpecify) {
        SortedMap<Integer, GradeDefinition> m = new TreeMap<>();
        for (GradeDefinition d : definitions) {
            if (m.put(d.grade(), d) != null) {
                throw new IllegalArgumentException("Grade " + d.grade() + " defined twice in " + code);
            }
        }
        return new CtcaeTerm(code, name, nameZh, soc, m, otherSpecify);
    }

    /** The grades the form may offer for this term. */
    public SortedSet<Integer> allowedGrades() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(grades.keySet()));
    }

    public boolean allows(int grade) {
        return grades.containsKey(grade);
    }

    public Optional<GradeDefinition> definition(int grade) {
        return Optional.ofNullable(grades.get(grade));
    }

    /** Name for AE listings, e.g. "Hepatobiliary disorders - Other, specify: biloma". */
    public String reportedName(String specification) {
        if (!otherSpecify || specification == null || specification.isBlank()) {
            return name;
        }
        return name + ": " + specification.trim();
    }
}
