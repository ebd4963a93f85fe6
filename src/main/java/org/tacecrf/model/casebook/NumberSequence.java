package org.tacecrf.model.casebook;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The next number for subjects or screenings at one site; read with a write lock. */
@Entity
@IdClass(NumberSequence.Key.class)
@Table(name = "number_sequence")
public class NumberSequence {

    public static final String SUBJECT = "SUBJECT";
    public static final String SCREENING = "SCREENING";

    /** Composite key. */
    public static class Key implements Serializable {
        private String studyId;
        private String siteId;
        private String kind;

        public Key() {
        }

        public Key(String studyId, String siteId, String kind) {
            this.studyId = studyId;
            this.siteId = siteId;
            this.kind = kind;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(studyId, k.studyId) && Objects.equals(siteId, k.siteId)
                    && Objects.equals(kind, k.kind);
        }

        @Override
        public int hashCode() {
            return Objects.hash(studyId, siteId, kind);
        }
    }

    @Id
    @Column(name = "study_id", length = 64)
    private String studyId;
    @Id
    @Column(name = "site_id", length = 64)
    private String siteId;
    @Id
    @Column(length = 16)
    private String kind;
    @Column(name = "next_value", nullable = false)
    private int nextValue;

    protected NumberSequence() {
    }

    public NumberSequence(String studyId, String siteId, String kind) {
        this.studyId = studyId;
        this.siteId = siteId;
        this.kind = kind;
        this.nextValue = 1;
    }

    /** Returns the next number and advances. */
    public int take() {
        return nextValue++;
    }
}
