package org.tacecrf.interfaces.web.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tacecrf.model.quality.DataQuery;

class QueryListBackingTest {

    @Test
    void unresolvedStandsForOpenAndAnsweredQueries() {
        assertThat(QueryListBacking.statuses("UNRESOLVED")).containsExactlyInAnyOrder(DataQuery.Status.OPEN, DataQuery.Status.ANSWERED);
    }

    @Test
    void oneStatusOrEveryStatus() {
        assertThat(QueryListBacking.statuses("ANSWERED")).containsExactly(DataQuery.Status.ANSWERED);
        assertThat(QueryListBacking.statuses("")).isEmpty();
        assertThat(QueryListBacking.statuses(null)).isEmpty();
    }

    @Test
    void aLinkAsksForEveryStatusWithAll() {
        QueryListBacking backing = new QueryListBacking();
        backing.setStatus("ALL");
        assertThat(QueryListBacking.statuses(backing.getStatus())).isEmpty();
    }

    @Test
    void anUnknownStatusIsRefused() {
        assertThatThrownBy(() -> QueryListBacking.statuses("PENDING")).isInstanceOf(IllegalArgumentException.class);
    }
}
