package org.tacecrf.domain.response;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The baseline tumour assessment: the date of the scan and every lesion identified on it.
 *
 * @param date    date of the baseline scan; may be null while being entered
 * @param lesions target and non-target lesions, in entry order
 */
public record Baseline(LocalDate date, List<BaselineLesion> lesions) {

    public Baseline {
        lesions = List.copyOf(lesions);
    }

    public static Baseline of(LocalDate date, BaselineLesion... lesions) {
        return new Baseline(date, List.of(lesions));
    }

    public List<BaselineLesion> targets() {
        return lesions.stream().filter(BaselineLesion::target).toList();
    }

    public List<BaselineLesion> nonTargets() {
        return lesions.stream().filter(l -> !l.target()).toList();
    }

    public Optional<BaselineLesion> lesion(String id) {
        return lesions.stream().filter(l -> l.id() != null && l.id().equals(id)).findFirst();
    }
}
