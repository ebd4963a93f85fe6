package org.tacecrf.application.demo;

import java.util.List;

import org.tacecrf.domain.casebook.reading.ReaderSlot;
import org.tacecrf.model.user.Role;

/**
 * The demo accounts, one per role, created on an empty embedded database when the demo is
 * enabled. Their passwords are public (printed at start-up and in the README): demo only.
 */
public final class DemoUsers {

    /**
     * A demo account; {@code allSites} gives study-wide access, else the first site(s) of each study.
     * A reader account ({@code readerStudy} set) has the first site(s) of that study only, and the
     * reader slot {@code readerSlot} in its blinded double reading.
     */
    public record Account(String username, String fullName, Role role, String password, boolean allSites, int sites,
                          String readerStudy, ReaderSlot readerSlot) {

        public Account(String username, String fullName, Role role, String password, boolean allSites, int sites) {
            this(username, fullName, role, password, allSites, sites, null, null);
        }
    }

    /** The shipped study that reads each scan twice (seed 003), where the demo readers read. */
    public static final String DOUBLE_READING_STUDY = "crlm-deb-vs-ctace";

    /**
     * The system account the demo cohorts are entered as: a data manager of every site, disabled so
     * nobody can sign in with it; audit records of the synthetic data name it.
     */
    public static final String GENERATOR = "demo-generator";
    public static final String GENERATOR_NAME = "Demo cohort generator (system account, no sign-in)";

    public static final List<Account> ACCOUNTS = List.of(
            new Account("nurse", "Li Na (research nurse)", Role.NURSE, "nurse-demo-2024", false, 1),
            new Account("investigator", "Dr Wang Wei (investigator)", Role.INVESTIGATOR, "investigator-demo-2024", false, 1),
            new Account("monitor", "Zhang Min (monitor)", Role.MONITOR, "monitor-demo-2024", true, 0),
            new Account("datamanager", "Chen Jie (data manager)", Role.DATA_MANAGER, "datamanager-demo-2024", true, 0),
            // Radiologists of the blinded double reading: they enter their own readings (nurse role).
            new Account("reader1", "Dr Liu Yang (first reader)", Role.NURSE, "reader1-demo-2024", false, 1,
                    DOUBLE_READING_STUDY, ReaderSlot.READER_1),
            new Account("reader2", "Dr Zhao Lei (second reader)", Role.NURSE, "reader2-demo-2024", false, 1,
                    DOUBLE_READING_STUDY, ReaderSlot.READER_2),
            new Account("adjudicator", "Dr Sun Hua (adjudicator)", Role.NURSE, "adjudicator-demo-2024", false, 1,
                    DOUBLE_READING_STUDY, ReaderSlot.ADJUDICATOR));

    private DemoUsers() {
    }
}
