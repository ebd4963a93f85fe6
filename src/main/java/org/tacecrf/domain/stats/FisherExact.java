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
 * equal past probability are merged. At each node two bounds on the probability factor of the
 * remaining columns decide whether all completions count (their total is known in closed form),
 * none counts, or the node must be expanded:
 * <ul>
 *   <li>the most probable completion is found exactly: minimising {@code sum(log n_ij!)} under the
 *       margins is a transportation problem with convex cell costs, solved by successive shortest
 *       augmenting paths one unit at a time;</li>
 *   <li>the least probable completion is bounded by relaxing either the row or the column
 *       constraints and concentrating each total in as few cells as the caps allow.</li>
 * </ul>
 * When two columns remain, the completions of a node are listed once, sorted by probability, and
 * every past path is resolved by a binary search in their cumulative sums; nodes with three columns
 * left resolve their children this way without storing them. Columns are taken in ascending order
 * of their totals. Tables whose enumeration would exceed a fixed work or memory budget are refused
 * with an exception rather than left running.
 */
final class FisherExact {

    /** Relative tolerance for "probability not greater than observed", as R's fisher.test. */
    private static final double RELATIVE_TOLERANCE = 1e-7;
    /** Past log-probabilities closer than this are merged. */
    private static final double MERGE_RESOLUTION = 1e-9;
    /** Upper limit on path expansions so that a huge table fails instead of hanging. */
    private static final long MAX_WORK = 400_000_000L;
    /** Upper limit on past values held by two consecutive stages (two doubles each, about 100 MB). */
    private static final long MAX_STORED = 6_000_000L;

    private final int[] columnTotals;
    private final double[] logFactorial;
    private final double limit;
    private final double constant;
    private long work;
    /** Past values that the current and the next stage can hold. */
    private long capacity;

    private FisherExact(int[] columnTotals, int n, double limit, double constant) {
        this.columnTotals = columnTotals;
        this.logFactorial = logFactorials(n);
        this.limit = limit;
        this.constant = constant;
    }

    private static double[] logFactorials(int n) {
        double[] lf = new double[n + 2];
        for (int i = 2; i < lf.length; i++) {
            lf[i] = lf[i - 1] + Math.log(i);
        }
        return lf;
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
        double[] lf = logFactorials(n);
        double observed = 0;
        for (int[] row : t) {
            for (int v : row) {
                observed -= lf[v];
            }
        }
        double constant = -lf[n];
        for (int r : rowTotals) {
            constant += lf[r];
        }
        for (int c : colTotals) {
            constant += lf[c];
        }
        int[] sortedCols = colTotals.clone();
        Arrays.sort(sortedCols);
        FisherExact fe = new FisherExact(sortedCols, n, observed + Math.log1p(RELATIVE_TOLERANCE), constant);
        return Math.min(1.0, fe.run(rowTotals));
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
                if (v > 1_000_000) {
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

    /** Past log-probabilities of the paths reaching a node, with how many paths share each value. */
    private final class Pasts {
        double[] values = new double[4];
        double[] counts = new double[4];
        int size;

        void add(double value, double count) {
            if (size == values.length) {
                // merge duplicates before growing, so memory follows the distinct values
                if (size >= 256) {
                    compact();
                }
                if (size * 2 > values.length) {
                    capacity += values.length;
                    if (capacity > MAX_STORED) {
                        throw new IllegalStateException("The table is too large for Fisher's exact test.");
                    }
                    values = Arrays.copyOf(values, values.length * 2);
                    counts = Arrays.copyOf(counts, counts.length * 2);
                }
            }
            values[size] = value;
            counts[size] = count;
            size++;
        }

        /** Sorts by value and merges values closer than the resolution; capacity is kept. */
        void compact() {
            sort(values, counts, 0, size - 1);
            int k = -1;
            for (int i = 0; i < size; i++) {
                if (k >= 0 && values[i] - values[k] < MERGE_RESOLUTION) {
                    counts[k] += counts[i];
                } else {
                    k++;
                    values[k] = values[i];
                    counts[k] = counts[i];
                }
            }
            size = k + 1;
        }

        /** Quicksort of the values carrying the counts along (no boxing: these arrays get large). */
        private static void sort(double[] v, double[] c, int lo, int hi) {
            while (lo < hi) {
                if (hi - lo < 16) {
                    for (int i = lo + 1; i <= hi; i++) {
                        double key = v[i];
                        double count = c[i];
                        int j = i - 1;
                        while (j >= lo && v[j] > key) {
                            v[j + 1] = v[j];
                            c[j + 1] = c[j];
                            j--;
                        }
                        v[j + 1] = key;
                        c[j + 1] = count;
                    }
                    return;
                }
                double pivot = v[(lo + hi) >>> 1];
                int i = lo;
                int j = hi;
                while (i <= j) {
                    while (v[i] < pivot) {
                        i++;
                    }
                    while (v[j] > pivot) {
                        j--;
                    }
                    if (i <= j) {
                        double tv = v[i];
                        v[i] = v[j];
                        v[j] = tv;
                        double tc = c[i];
                        c[i] = c[j];
                        c[j] = tc;
                        i++;
                        j--;
                    }
                }
                // recurse into the smaller part, loop on the larger one
                if (j - lo < hi - i) {
                    sort(v, c, lo, j);
                    lo = i;
                } else {
                    sort(v, c, i, hi);
                    hi = j;
                }
            }
        }
    }

    private double run(int[] rowTotals) {
        int[] start = rowTotals.clone();
        Arrays.sort(start);
        Map<Node, Pasts> stage = new HashMap<>();
        stage.computeIfAbsent(new Node(start), key -> new Pasts()).add(0.0, 1.0);
        int columns = columnTotals.length;
        double p = 0;
        for (int k = 0; k < columns - 1 && !stage.isEmpty(); k++) {
            int remaining = columns - k;
            Map<Node, Pasts> next = new HashMap<>();
            Map<Node, Completions> finishes = new HashMap<>();
            capacity = 0;
            for (Pasts pasts : stage.values()) {
                capacity += pasts.values.length;
            }
            for (Map.Entry<Node, Pasts> entry : stage.entrySet()) {
                int[] m = entry.getKey().remaining;
                Pasts pasts = entry.getValue();
                pasts.compact();
                if (remaining == 2) {
                    Completions completions = new Completions(m, k);
                    for (int i = 0; i < pasts.size; i++) {
                        p += completions.sum(pasts.values[i], pasts.counts[i]);
                    }
                    continue;
                }
                double longest = -minSumLogFactorial(m, k);  // log factor of the most probable completion
                double shortest = -maxSumLogFactorial(m, k); // bound for the least probable completion
                double total = totalFuture(m, k);
                Pasts toExpand = new Pasts();
                for (int i = 0; i < pasts.size; i++) {
                    double past = pasts.values[i];
                    if (past + longest <= limit) {
                        p += pasts.counts[i] * Math.exp(constant + past + total);
                    } else if (past + shortest <= limit) {
                        toExpand.add(past, pasts.counts[i]);
                    }
                }
                if (toExpand.size == 0) {
                    continue;
                }
                if (remaining == 3) {
                    // the children have two columns left: resolve each past against their completions
                    p += finishThroughChildren(m, k, toExpand, finishes);
                } else {
                    expand(m, columnTotals[k], toExpand, next);
                }
            }
            stage = next;
        }
        return p;
    }

    /**
     * The completions of a node with two columns left (column x and column m - x), sorted by their
     * log-probability factor, with cumulative sums of the factors.
     */
    private final class Completions {
        final double[] factors;
        final double[] cumulative;
        final double top;

        Completions(int[] m, int k) {
            List<Double> list = new ArrayList<>();
            int[] suffix = new int[m.length + 1];
            for (int i = m.length - 1; i >= 0; i--) {
                suffix[i] = suffix[i + 1] + m[i];
            }
            collect(0, columnTotals[k], 0.0, m, suffix, list);
            work += list.size();
            checkWork();
            factors = new double[list.size()];
            for (int i = 0; i < factors.length; i++) {
                factors[i] = list.get(i);
            }
            Arrays.sort(factors);
            top = factors[factors.length - 1];
            cumulative = new double[factors.length];
            double s = 0;
            for (int i = 0; i < factors.length; i++) {
                s += Math.exp(factors[i] - top);
                cumulative[i] = s;
            }
        }

        private void collect(int i, int left, double term, int[] m, int[] suffix, List<Double> out) {
            if (i == m.length - 1) {
                out.add(term - logFactorial[left] - logFactorial[m[i] - left]);
                return;
            }
            int lo = Math.max(0, left - suffix[i + 1]);
            int hi = Math.min(m[i], left);
            for (int v = lo; v <= hi; v++) {
                collect(i + 1, left - v, term - logFactorial[v] - logFactorial[m[i] - v], m, suffix, out);
            }
        }

        /** Probability of the counting tables reached with the given past log-factor. */
        double sum(double past, double count) {
            int lo = countAtMost(factors, factors.length, limit - past);
            return lo == 0 ? 0 : count * Math.exp(constant + past + top) * cumulative[lo - 1];
        }
    }

    /**
     * Expands a node with three columns left and resolves each child against its completions. The
     * pasts are sorted, so their thresholds in a child's sorted completions are found by one sweep.
     */
    private double finishThroughChildren(int[] m, int k, Pasts pasts, Map<Node, Completions> finishes) {
        pasts.compact();
        int size = pasts.size;
        double maxPast = pasts.values[size - 1];
        double[] weight = new double[size];
        for (int i = 0; i < size; i++) {
            weight[i] = pasts.counts[i] * Math.exp(pasts.values[i] - maxPast);
        }
        double[] p = new double[1];
        forEachChild(m, columnTotals[k], (child, term) -> {
            Completions completions = finishes.computeIfAbsent(child, key -> new Completions(key.remaining, k + 1));
            double[] factors = completions.factors;
            double[] cumulative = completions.cumulative;
            // a linear sweep when the completions are few, otherwise shrinking binary searches
            boolean sweep = factors.length < 8L * size;
            int j = factors.length;
            double sum = 0;
            for (int i = 0; i < size && j > 0; i++) {
                double bound = limit - pasts.values[i] - term;
                if (sweep) {
                    while (j > 0 && factors[j - 1] > bound) {
                        j--;
                    }
                } else {
                    j = countAtMost(factors, j, bound);
                }
                if (j > 0) {
                    sum += weight[i] * cumulative[j - 1];
                }
            }
            p[0] += sum * Math.exp(constant + maxPast + term + completions.top);
            work += size;
            checkWork();
        });
        return p[0];
    }

    /** Number of the first {@code end} sorted values that are at most the bound. */
    private static int countAtMost(double[] sorted, int end, double bound) {
        int lo = 0;
        int hi = end;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= bound) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Receives each way of filling a column: the sorted remaining rows and the column's log factor. */
    @FunctionalInterface
    private interface ChildVisitor {
        void visit(Node child, double term);
    }

    private void forEachChild(int[] m, int c, ChildVisitor visitor) {
        int r = m.length;
        int[] suffix = new int[r + 1];
        for (int i = r - 1; i >= 0; i--) {
            suffix[i] = suffix[i + 1] + m[i];
        }
        children(0, c, 0.0, m, suffix, new int[r], visitor);
    }

    private void children(int i, int left, double logTerm, int[] m, int[] suffix, int[] x, ChildVisitor visitor) {
        if (i == m.length - 1) {
            x[i] = left;
            int[] child = new int[m.length];
            for (int k = 0; k < m.length; k++) {
                child[k] = m[k] - x[k];
            }
            Arrays.sort(child);
            visitor.visit(new Node(child), logTerm - logFactorial[left]);
            return;
        }
        int lo = Math.max(0, left - suffix[i + 1]);
        int hi = Math.min(m[i], left);
        for (int v = lo; v <= hi; v++) {
            x[i] = v;
            children(i + 1, left - v, logTerm - logFactorial[v], m, suffix, x, visitor);
        }
    }

    /** Adds every way of filling column total {@code c} into the remaining rows {@code m} to the next stage. */
    private void expand(int[] m, int c, Pasts pasts, Map<Node, Pasts> next) {
        forEachChild(m, c, (child, term) -> {
            Pasts target = next.computeIfAbsent(child, key -> new Pasts());
            for (int k = 0; k < pasts.size; k++) {
                target.add(pasts.values[k] + term, pasts.counts[k]);
            }
            work += pasts.size;
            checkWork();
        });
    }

    private void checkWork() {
        if (work > MAX_WORK) {
            throw new IllegalStateException("The table is too large for Fisher's exact test.");
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

    /**
     * Exact minimum of {@code sum(log n_ij!)} over the completions of a node: the convex-cost
     * transportation problem is solved by sending one unit at a time along a cheapest augmenting
     * path (Bellman–Ford on the residual graph; adding a unit to a cell holding v costs log(v + 1)).
     */
    private double minSumLogFactorial(int[] m, int fromColumn) {
        int r = m.length;
        int q = columnTotals.length - fromColumn;
        int[] supply = m.clone();
        int[] demand = Arrays.copyOfRange(columnTotals, fromColumn, columnTotals.length);
        int[][] flow = new int[r][q];
        int units = 0;
        for (int v : supply) {
            units += v;
        }
        double cost = 0;
        double[] distRow = new double[r];
        double[] distCol = new double[q];
        int[] fromRow = new int[q];   // row that reached the column
        int[] fromCol = new int[r];   // column that reached the row backwards, -1 for the source
        for (int unit = 0; unit < units; unit++) {
            for (int i = 0; i < r; i++) {
                distRow[i] = supply[i] > 0 ? 0 : Double.POSITIVE_INFINITY;
                fromCol[i] = -1;
            }
            Arrays.fill(distCol, Double.POSITIVE_INFINITY);
            boolean changed = true;
            for (int pass = 0; pass < r + q && changed; pass++) {
                changed = false;
                for (int i = 0; i < r; i++) {
                    if (distRow[i] == Double.POSITIVE_INFINITY) {
                        continue;
                    }
                    for (int j = 0; j < q; j++) {
                        double d = distRow[i] + logFactorial[flow[i][j] + 1] - logFactorial[flow[i][j]];
                        if (d < distCol[j] - 1e-12) {
                            distCol[j] = d;
                            fromRow[j] = i;
                            changed = true;
                        }
                    }
                }
                for (int j = 0; j < q; j++) {
                    if (distCol[j] == Double.POSITIVE_INFINITY) {
                        continue;
                    }
                    for (int i = 0; i < r; i++) {
                        if (flow[i][j] > 0) {
                            double d = distCol[j] - (logFactorial[flow[i][j]] - logFactorial[flow[i][j] - 1]);
                            if (d < distRow[i] - 1e-12) {
                                distRow[i] = d;
                                fromCol[i] = j;
                                changed = true;
                            }
                        }
                    }
                }
            }
            int sink = -1;
            for (int j = 0; j < q; j++) {
                if (demand[j] > 0 && (sink < 0 || distCol[j] < distCol[sink])) {
                    sink = j;
                }
            }
            cost += distCol[sink];
            demand[sink]--;
            int j = sink;
            while (true) {
                int i = fromRow[j];
                flow[i][j]++;
                if (fromCol[i] < 0) {
                    supply[i]--;
                    break;
                }
                j = fromCol[i];
                flow[i][j]--;
            }
        }
        return cost;
    }

    /** Upper bound of sum(log n_ij!) over completions: the smaller of the row and column relaxations. */
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

    /** Largest sum(log x_j!) with sum(x_j) = total and 0 <= x_j <= caps[j]: fill the largest caps first. */
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
