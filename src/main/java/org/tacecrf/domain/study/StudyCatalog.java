package org.tacecrf.domain.study;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/** All studies hosted by one deployment, by id. Immutable. */
public final class StudyCatalog {

    private final Map<String, StudyDefinition> studies;

    private StudyCatalog(Map<String, StudyDefinition> studies) {
        this.studies = java.util.Collections.unmodifiableMap(studies);
    }

    /**
     * @throws IllegalArgumentException when two definitions share an id
     */
    public static StudyCatalog of(Collection<StudyDefinition> definitions) {
        Map<String, StudyDefinition> map = new LinkedHashMap<>();
        for (StudyDefinition d : definitions) {
            StudyDefinition previous = map.putIfAbsent(d.id(), d);
            if (previous != null) {
                throw new IllegalArgumentException("study id " + d.id() + " is defined in both "
                        + previous.sourceFile() + " and " + d.sourceFile());
            }
        }
        return new StudyCatalog(map);
    }

    /**
     * Loads and validates every {@code *.yaml} file of the directory against the built-in form
     * library.
     *
     * @throws StudyDefinitionException listing every error found, when any file is invalid
     */
    public static StudyCatalog load(Path studiesDirectory) {
        return StudyDefinitionLoader.builtIn().loadDirectory(studiesDirectory);
    }

    public Optional<StudyDefinition> find(String studyId) {
        return Optional.ofNullable(studies.get(studyId));
    }

    /** @throws NoSuchElementException when there is no such study */
    public StudyDefinition get(String studyId) {
        StudyDefinition d = studies.get(studyId);
        if (d == null) {
            throw new NoSuchElementException("no study with id " + studyId);
        }
        return d;
    }

    /** Studies in file-name order. */
    public List<StudyDefinition> all() {
        return List.copyOf(studies.values());
    }

    public Set<String> ids() {
        return studies.keySet();
    }

    public int size() {
        return studies.size();
    }
}
