package org.tacecrf.domain.stats;

import java.util.Arrays;

/**
 * Outcome and covariate columns of the complete cases, sorted once by descending time so that every
 * model fitted on them (stepwise selection fits many) reuses the order.
 */
final class CoxData {

    private final double[] time;
    private final boolean[] event;
    private final double[][] columns;

    /**
     * @param time    times of the complete cases
     * @param event   event indicators
     * @param columns covariate columns, {@code columns[k][i]}
     */
    CoxData(double[] time, boolean[] event, double[][] columns) {
        int n = time.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(time[b], time[a]));
        this.time = new double[n];
        this.event = new boolean[n];
        this.columns = new double[columns.length][n];
        for (int i = 0; i < n; i++) {
            this.time[i] = time[order[i]];
            this.event[i] = event[order[i]];
            for (int k = 0; k < columns.length; k++) {
                this.columns[k][i] = columns[k][order[i]];
            }
        }
    }

    int n() {
        return time.length;
    }

    int events() {
        int d = 0;
        for (boolean e : event) {
            if (e) {
                d++;
            }
        }
        return d;
    }

    double[] time() {
        return time;
    }

    boolean[] event() {
        return event;
    }

    double[] column(int k) {
        return columns[k];
    }

    int columnCount() {
        return columns.length;
    }
}
