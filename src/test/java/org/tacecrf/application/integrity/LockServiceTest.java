package org.tacecrf.application.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.model.study.DataStatus;

class LockServiceTest {

    @Test
    void movingTowardsDatabaseLockIsAFreezeOrALockAndNeedsNoReason() {
        assertThat(LockService.transition(DataStatus.ACTIVE, DataStatus.FROZEN, null)).isEqualTo("FREEZE");
        assertThat(LockService.transition(DataStatus.FROZEN, DataStatus.LOCKED, null)).isEqualTo("LOCK");
        assertThat(LockService.transition(DataStatus.ACTIVE, DataStatus.LOCKED, "")).isEqualTo("LOCK");
    }

    @Test
    void movingBackIsAnUnlockOrUnfreezeAndNeedsAReason() {
        assertThat(LockService.transition(DataStatus.LOCKED, DataStatus.FROZEN, "query found after lock")).isEqualTo("UNLOCK");
        assertThat(LockService.transition(DataStatus.LOCKED, DataStatus.ACTIVE, "re-opened by sponsor")).isEqualTo("UNLOCK");
        assertThat(LockService.transition(DataStatus.FROZEN, DataStatus.ACTIVE, "late lab results")).isEqualTo("UNFREEZE");
        assertThatThrownBy(() -> LockService.transition(DataStatus.FROZEN, DataStatus.ACTIVE, " "))
                .isInstanceOfSatisfying(ValidationFailure.class,
                        f -> assertThat(f.errors().get(0).messageKey()).isEqualTo("validation.reasonRequired"));
    }

    @Test
    void theSameStatusIsNoChange() {
        assertThatThrownBy(() -> LockService.transition(DataStatus.FROZEN, DataStatus.FROZEN, "x"))
                .isInstanceOfSatisfying(ValidationFailure.class,
                        f -> assertThat(f.errors().get(0).messageKey()).isEqualTo("status.error.unchanged"));
    }

    @Test
    void frozenDataTakeReviewButNoChangesAndLockedDataNeither() {
        assertThat(DataStatus.FROZEN.allowsDataChanges()).isFalse();
        assertThat(DataStatus.FROZEN.allowsReview()).isTrue();
        assertThat(DataStatus.LOCKED.allowsReview()).isFalse();
        assertThat(DataStatus.ACTIVE.stricter(DataStatus.FROZEN)).isEqualTo(DataStatus.FROZEN);
        assertThat(DataStatus.LOCKED.stricter(DataStatus.ACTIVE)).isEqualTo(DataStatus.LOCKED);
    }
}
