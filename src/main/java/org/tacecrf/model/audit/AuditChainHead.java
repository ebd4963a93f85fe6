package org.tacecrf.model.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row holding the latest audit id and hash; writers lock it to append in order. */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {

    public static final int ID = 1;

    @Id
    private int id;
    @Column(name = "last_id", nullable = false)
    private long lastId;
    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected AuditChainHead() {
    }

    public long getLastId() {
        return lastId;
    }

    public String getLastHash() {
        return lastHash;
    }

    public void advance(long id, String hash) {
        this.lastId = id;
        this.lastHash = hash;
    }
}
