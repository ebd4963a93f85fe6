package org.tacecrf.domain.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two-sided p-value of Fisher's exact test for an r x c table: the sum of the hypergeometric
 * probabilities of all tables with the observed margins whose probability does not exceed that of
 * the observed table (relative tolerance 1e-7, as R's {@code fisher.test}).
 * <p>
 * The tables are enumerated column by column as paths through a network (Mehta &amp; Patel 1983,
 * "A network algorithm for performing Fisher's exact test in r x c contingency tables", JASA
 * 78:427-434). A node is the multiset of row totals still to be filled; paths reaching a node with
 * equal past probability are merged. At each node two bounds on the remaining probability factor
 * decide whether all completions count (their total is known in closed form), none counts, or the
 * node must be expanded. The bounds relax either the row or the column constraints: spreading a
 * total as evenly as the caps allow minimises {@code sum(log n!)}, concentrating it maximises it.
 */
final class FisherExact {

    /** Relative tolerance for "probability not greater than observed", as R's fisher.test. */
    private static final double RELATIVE_TOLERANCE = 1e-7;
    /** Merge past probabilities that agree to this absolute tolerance on the log scale. */
    private static final double MERGE_RESOLUTION = 1e-9;
    /** Upper limit on path expansions so that a huge table fails instead of hanging. */
    private static final long MAX_WORK = 300_000_000L;

    private final int[] columnTotals;
    private final double[] logFactorial;
    private long work;

    private FisherExact(int[] columnTotals, int n) {
        this.columnTotals = columnTotals;
        this.logFactorial = new double[n + 1];
        for (int i = 2; i <= n; i++) {
            logFactorial[i] = logFactorial[i - 1] + Math.log(i);
        }
    }

    /**
     * Two-sided p-value of the table; rows and columns without cases are ignored.
     *
     * @throws IllegalStateException when the table is too large to enumerate
     */
    static double pValue(long[][] table) {
        int[][] t = pruneAndOrient(table);
        if (t.length < 2 || t[0].length < 2) {
            return 1.0;
        }
        int rows = t.length;
        int cols = t[0].length;
        int[] rowTotals = new int[rows];
        int[] colTotals = new int[cols];
        int n = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                rowTotals[i] += t[i][j];
                colTotals[j] += t[i][j];
                n += t[i][j];
            }
        }
        // columns with the largest totals first: the first stages then branch the most and later
        // nodes are decided by the bounds sooner
        Integer[] order = new Integer[cols];
        for (int j = 0; j < cols; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(colTotals[b], colTotals[a]));
        int[] sortedCols = new int[cols];
        for (int j = 0; j < cols; j++) {
            sortedCols[j] = colTotals[order[j]];
        }
        FisherExact fe = new FisherExact(sortedCols, n);
        double observed = 0;
        for (int[] row : t) {
            for (int v : row) {
                observed -= fe.logFactorial[v];
            }
        }
        double constant = -fe.logFactorial[n];
        for (int r : rowTotals) {
            constant += fe.logFactorial[r];
        }
        for (int c : colTotals) {
            constant += fe.logFactorial[c];
        }
        return Math.min(1.0, fe.run(rowTotals, observed + Math.log1p(RELATIVE_TOLERANCE), constant));
    }

    /** Removes empty rows and columns and transposes so that rows are the shorter dimension. */
    private static int[][] pruneAndOrient(long[][] table) {
        int rows = table.length;
        int cols = rows == 0 ? 0 : table[0].length;
        List<Integer> keepRows = new ArrayList<>();
        List<Integer> keepCols = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            long s = 0;
            for (int j = 0; j < cols; j++) {
                s += table[i][j];
            }
            if (s > 0) {
                keepRows.add(i);
            }
        }
        for (int j = 0; j < cols; j++) {
            long s = 0;
            for (int i = 0; i < rows; i++) {
                s += table[i][j];
            }
            if (s > 0) {
                keepCols.add(j);
            }
        }
        boolean transpose = keepRows.size() > keepCols.size();
        int r = transpose ? keepCols.size() : keepRows.size();
        int c = transpose ? keepRows.size() : keepCols.size();
        int[][] out = new int[r][c];
        for (int i = 0; i < keepRows.size(); i++) {
            for (int j = 0; j < keepCols.size(); j++) {
                long v = table[keepRows.get(i)][keepCols.get(j)];
                if (v > Integer.MAX_VALUE / 2) {
                    throw new IllegalArgumentException("The counts are too large for an exact test.");
                }
                if (transpose) {
                    out[j][i] = (int) v;
                } else {
                    out[i][j] = (int) v;
                }
            }
        }
        return out;
    }

    /** Paths that reach a node with (nearly) the same past log-probability, and how many they are. */
    private static final class Past {
        final double logValue;
        double multiplicity;

        Past(double logValue, double multiplicity) {
            this.logValue = logValue;
            this.multiplicity = multiplicity;
        }
    }

    /** Remaining row totals in ascending order; the future of a node depends only on this multiset. */
    private static final class Node {
        final int[] remaining;
        private final int hash;

        Node(int[] remaining) {
            this.remaining = remaining;
            this.hash = Arrays.hashCode(remaining);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Node other && Arrays.equals(remaining, other.remaining);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private double run(int[] rowTotals, double limit, double constant) {
        int[] start = rowTotals.clone();
        Arrays.sort(start);
        Map<Node, Map<Long, Past>> stage = new HashMap<>();
        addPast(stage, new Node(start), 0.0, 1.0);
        double p = 0;
        for (int k = 0; k < columnTotals.length && !stage.isEmpty(); k++) {
            Map<Node, Map<Long, Past>> next = new HashMap<>();
            for (Map.Entry<Node, Map<Long, Past>> entry : stage.entrySet()) {
                int[] m = entry.getKey().remaining;
                double longest = -minSumLogFactorial(m, k);   // no completion is more probable
                double shortest = -maxSumLogFactorial(m, k);  // no completion is less probable
                double total = totalFuture(m, k);
                List<Past> toExpand = new ArrayList<>();
                for (Past past : entry.getValue().values()) {
                    if (past.logValue + longest <= limit) {
                        p += past.multiplicity * Math.exp(constant + past.logValue + total);
                    } else if (past.logValue + shortest <= limit) {
                        toExpand.add(past);
                    }
                }
                if (!toExpand.isEmpty()) {
                    expand(m, columnTotals[k], toExpand, next);
                }
            }
            stage = next;
        }
        return p;
    }

    /** Adds every way of filling column total {@code c} into the remaining rows {@code m}. */
    private void expand(int[] m, int c, List<Past> pasts, Map<Node, Map<Long, Past>> next) {
        int r = m.length;
        int[] suffix = new int[r + 1];
        for (int i = r - 1; i >= 0; i--) {
            suffix[i] = suffix[i + 1] + m[i];
        }
        int[] x = new int[r];
        fill(0, c, 0.0, m, suffix, x, pasts, next);
    }

    private void fill(int i, int left, double logTerm, int[] m, int[] suffix, int[] x, List<Past> pasts,
                      Map<Node, Map<Long, Past>> next) {
        if (i == m.length - 1) {
            x[i] = left;
            double term = logTerm - logFactorial[left];
            int[] child = new int[m.length];
            for (int k = 0; k < m.length; k++) {
                child[k] = m[k] - x[k];
            }
            Arrays.sort(child);
            Node node = new Node(child);
            for (Past past : pasts) {
                addPast(next, node, past.logValue + term, past.multiplicity);
            }
            work += pasts.size();
            if (work > MAX_WORK) {
                throw new IllegalStateException("The table is too large for Fisher's exact test.");
            }
            return;
        }
        int lo = Math.max(0, left - suffix[i + 1]);
        int hi = Math.min(m[i], left);
        for (int v = lo; v <= hi; v++) {
            x[i] = v;
            fill(i + 1, left - v, logTerm - logFactorial[v], m, suffix, x, pasts, next);
        }
    }

    private static void addPast(Map<Node, Map<Long, Past>> stage, Node node, double logValue, double multiplicity) {
        Map<Long, Past> pasts = stage.computeIfAbsent(node, key -> new HashMap<>());
        long bucket = Math.round(logValue / MERGE_RESOLUTION);
        Past existing = pasts.get(bucket);
        if (existing == null) {
            pasts.put(bucket, new Past(logValue, multiplicity));
        } else {
            existing.multiplicity += multiplicity;
        }
    }

    /** log of the sum over all completions of prod(1/n_ij!), known in closed form. */
    private double totalFuture(int[] m, int fromColumn) {
        int total = 0;
        double s = 0;
        for (int v : m) {
            total += v;
            s -= logFactorial[v];
        }
        for (int j = fromColumn; j < columnTotals.length; j++) {
            s -= logFactorial[columnTotals[j]];
        }
        return s + logFactorial[total];
    }

    /** Lower bound of sum(log n_ij!) over completions: the larger of the row and column relaxations. */
    private double minSumLogFactorial(int[] m, int fromColumn) {
        int[] cols = Arrays.copyOfRange(columnTotals, fromColumn, columnTotals.length);
        Arrays.sort(cols);
        int[] rows = m.clone();
        Arrays.sort(rows);
        double byRows = 0;
        for (int v : m) {
            byRows += spread(v, cols);
        }
        double byCols = 0;
        for (int v : cols) {
            byCols += spread(v, rows);
        }
        return Math.max(byRows, byCols);
    }

    /** Upper bound of sum(log n_ij!) over completions: the smaller of the two relaxations. */
    private double maxSumLogFactorial(int[] m, int fromColumn) {
        int[] cols = Arrays.copyOfRange(columnTotals, fromColumn, columnTotals.length);
        Arrays.sort(cols);
        int[] rows = m.clone();
        Arrays.sort(rows);
        double byRows = 0;
        for (int v : m) {
            byRows += concentrate(v, cols);
        }
        double byCols = 0;
        for (int v : cols) {
            byCols += concentrate(v, rows);
        }
        return Math.min(byRows, byCols);
    }

    /** Smallest sum(log x_j!) with sum(x_j) = total and 0 <= x_j <= caps[j] (caps ascending): water-filling. */
    private double spread(int total, int[] capsAscending) {
        double s = 0;
        int remaining = total;
        int k = capsAscending.length;
        for (int idx = 0; idx < capsAscending.length && remaining > 0; idx++) {
            int slots = k - idx;
            int q = remaining / slots;
            if (capsAscending[idx] <= q) {
                s += logFactorial[capsAscending[idx]];
                remaining -= capsAscending[idx];
            } else {
                int extra = remaining % slots;
                s += extra * logFactorial[q + 1] + (slots - extra) * logFactorial[q];
                remaining = 0;
            }
        }
        return s;
    }

    /** Largest sum(log x_j!) with the same constraints: fill the largest caps first. */
    private double concentrate(int total, int[] capsAscending) {
        double s = 0;
        int remaining = total;
        for (int idx = capsAscending.length - 1; idx >= 0 && remaining > 0; idx--) {
            int v = Math.min(capsAscending[idx], remaining);
            s += logFactorial[v];
            remaining -= v;
        }
        return s;
    }
}
