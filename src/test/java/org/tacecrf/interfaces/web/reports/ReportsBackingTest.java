package org.tacecrf.interfaces.web.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportsBackingTest {

    @Test
    void aTabOpensByNameAndUnknownNamesOpenTheFirst() {
        ReportsBacking backing = new ReportsBacking();
        backing.setTab("readiness");
        assertThat(backing.getActiveIndex()).isEqualTo(ReportsBacking.TABS.indexOf("readiness"));
        assertThat(backing.getTab()).isEqualTo("readiness");
        backing.setTab("nonsense");
        assertThat(backing.getTab()).isEqualTo("missing");
    }

    @Test
    void verificationIsTheLastTabSoThatHidingItShiftsNoOther() {
        assertThat(ReportsBacking.TABS).last().isEqualTo("sdv");
    }
}
