/**
 * Statistics engine for study tables: plain Java estimators whose numbers are verified against R
 * (packages {@code stats} and {@code survival}) and, where SPSS follows another convention, label
 * that convention explicitly.
 * <p>
 * Every result is an immutable record that states the estimate, its standard error and confidence
 * interval, the test statistic with its degrees of freedom and p-value, the counts actually used,
 * and the name of the method, so that a table can print "Pearson chi-square (no continuity
 * correction)" next to the number and a reader can reproduce it.
 * <p>
 * Conventions shared by all classes:
 * <ul>
 *   <li>Times are unit-agnostic: survival methods return times in the unit they were given.</li>
 *   <li>Missing numeric values are {@code NaN} (arrays) or {@code null} (objects); each method says
 *       whether it drops them and reports how many it dropped.</li>
 *   <li>p-values are two-sided unless a method says otherwise.</li>
 *   <li>Quantities that cannot be estimated (a median that is not reached, a variance from one
 *       observation) are reported as {@code NaN} or an empty {@link java.util.OptionalDouble},
 *       never as a made-up number.</li>
 * </ul>
 * The methods, their conventions and references are described in {@code docs/statistics.md}.
 */
package org.tacecrf.domain.stats;
