package org.tacecrf.domain.check;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" by edit distance (Damerau-Levenshtein, optimal string alignment). */
final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate closest to what was written, when it is close enough to be a typo: a different
     * case only, or at most one edit per four characters (at least one, at most three edits).
     */
    static Optional<String> closest(String written, Collection<String> candidates, boolean ignoreCase) {
        String w = ignoreCase ? written.toLowerCase(Locale.ROOT) : written;
        int allowed = Math.max(1, Math.min(3, written.length() / 4));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (candidate.equals(written)) {
                continue;
            }
            int d = candidate.equalsIgnoreCase(written) ? 0
                    : distance(w, ignoreCase ? candidate.toLowerCase(Locale.ROOT) : candidate);
            if (d <= allowed && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
