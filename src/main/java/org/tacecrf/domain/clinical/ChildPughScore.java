package org.tacecrf.domain.clinical;

import java.util.List;
import java.util.Objects;

/**
 * A computed Child-Pugh score: points per component with the band that gave them, the total
 * (5-15) and the class.
 *
 * @param components     the five components in table order
 * @param total          sum of the component points
 * @param childPughClass A (5-6), B (7-9) or C (10-15)
 */
public record ChildPughScore(List<ComponentScore> components, int total, ChildPughClass childPughClass) {

    /** The five components of the score. */
    public enum Component {
        BILIRUBIN, ALBUMIN, COAGULATION, ASCITES, ENCEPHALOPATHY
    }

    /**
     * @param component which component
     * @param points    1, 2 or 3
     * @param basis     English explanation, e.g. "Total bilirubin 2.0 mg/dL is in 2-3 mg/dL"
     */
    public record ComponentScore(Component component, int points, String basis) {
        public ComponentScore {
            Objects.requireNonNull(component, "component");
            Objects.requireNonNull(basis, "basis");
            if (points < 1 || points > 3) {
                throw new IllegalArgumentException("Component points must be 1-3");
            }
        }
    }

    public ChildPughScore {
        components = List.copyOf(components);
        if (components.size() != Component.values().length) {
            throw new IllegalArgumentException("Child-Pugh needs all five components");
        }
        int sum = components.stream().mapToInt(ComponentScore::points).sum();
        if (sum != total || ChildPughClass.ofTotal(total) != childPughClass) {
            throw new IllegalArgumentException("Total or class does not match the components");
        }
    }

    static ChildPughScore of(List<ComponentScore> components) {
        int total = components.stream().mapToInt(ComponentScore::points).sum();
        return new ChildPughScore(components, total, ChildPughClass.ofTotal(total));
    }

    public int points(Component component) {
        return components.stream().filter(c -> c.component() == component).findFirst()
                .orElseThrow().points();
    }

    /** Class and total as usually reported, e.g. "A6", "B7". */
    public String label() {
        return childPughClass.name() + total;
    }
}
