package org.tacecrf.model.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.casebook.reading.ReaderSlot;

class AppUserTest {

    private static final Instant LOCKED_AT = Instant.parse("2026-03-02T09:00:00Z");

    /** A lockout needs no one to lift it: at its end the account opens again by itself. */
    @Test
    void aLockEndsByItselfAtTheEndOfTheLockoutPeriod() {
        AppUser user = new AppUser("nurse2", "Nurse Two", "hash", LOCKED_AT.minus(Duration.ofDays(10)), "datamanager");
        Instant until = LOCKED_AT.plus(Duration.ofMinutes(15));
        user.setLockedUntil(until);

        assertThat(user.isLockedAt(LOCKED_AT)).isTrue();
        assertThat(user.isLockedAt(until.minusSeconds(1))).isTrue();
        assertThat(user.isLockedAt(until)).isFalse();
        assertThat(user.isLockedAt(until.plusSeconds(1))).isFalse();
    }

    @Test
    void anAccountThatWasNeverLockedIsOpen() {
        AppUser user = new AppUser("nurse3", "Nurse Three", "hash", LOCKED_AT, "datamanager");
        assertThat(user.isLockedAt(LOCKED_AT)).isFalse();
    }

    /** A reader slot belongs to one study: elsewhere the same person reads unblinded. */
    @Test
    void aReaderSlotHoldsInItsOwnStudyOnly() {
        AppUser user = new AppUser("reader9", "Reader Nine", "hash", LOCKED_AT, "datamanager");
        user.getReaderSlots().put("crlm-deb-vs-ctace", ReaderSlot.READER_2);
        assertThat(user.readerSlot("crlm-deb-vs-ctace")).contains(ReaderSlot.READER_2);
        assertThat(user.readerSlot("hcc-deb-sorafenib")).isEmpty();
    }
}
