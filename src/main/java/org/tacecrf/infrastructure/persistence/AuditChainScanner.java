package org.tacecrf.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import org.tacecrf.domain.audit.AuditChain;
import org.tacecrf.domain.audit.AuditContent;

/**
 * Reads the audit table in id order over plain JDBC and feeds it to {@link AuditChain.Verifier}.
 * Plain JDBC so the same code serves the data manager's page and the command-line check against a
 * stopped installation, and so millions of records stream through in constant memory.
 */
public final class AuditChainScanner {

    private static final String QUERY = "select id, occurred_at, user_id, username, user_role, action, entity_type, entity_id, "
            + "study_id, site_id, subject_id, subject_number, visit_key, form_key, item_key, old_value, new_value, reason, "
            + "source, source_detail, prev_hash, hash from audit_event order by id";

    private AuditChainScanner() {
    }

    /** The outcome of a verification: how many records are intact and the first broken one. */
    public record Result(long checked, long total, AuditChain.Break firstBreak, String headHash, boolean headMatches) {
        public boolean intact() {
            return firstBreak == null && headMatches;
        }
    }

    public static Result verify(Connection connection) throws SQLException {
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        long total = 0;
        try (PreparedStatement statement = connection.prepareStatement(QUERY, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(1000);
            try (ResultSet rs = statement.executeQuery()) {
                boolean intact = true;
                while (rs.next()) {
                    total++;
                    if (intact) {
                        intact = verifier.accept(content(rs), rs.getString("prev_hash"), rs.getString("hash"));
                    }
                }
            }
        }
        String headHash = null;
        long headId = -1;
        try (PreparedStatement statement = connection.prepareStatement("select last_id, last_hash from audit_chain_head where id = 1");
             ResultSet rs = statement.executeQuery()) {
            if (rs.next()) {
                headId = rs.getLong(1);
                headHash = rs.getString(2);
            }
        }
        AuditChain.Break firstBreak = verifier.firstBreak().orElse(null);
        // The head guards the end of the chain: deleting the newest records leaves a valid but shorter chain.
        boolean headMatches = firstBreak != null || (headId == verifier.lastId() && verifier.lastHash().equals(headHash));
        return new Result(verifier.checked(), total, firstBreak, headHash, headMatches);
    }

    private static AuditContent content(ResultSet rs) throws SQLException {
        OffsetDateTime at = rs.getObject("occurred_at", OffsetDateTime.class);
        return new AuditContent(rs.getLong("id"), at == null ? null : at.toInstant(),
                (Long) rs.getObject("user_id", Long.class), rs.getString("username"), rs.getString("user_role"),
                rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("study_id"),
                rs.getString("site_id"), (Long) rs.getObject("subject_id", Long.class), rs.getString("subject_number"),
                rs.getString("visit_key"), rs.getString("form_key"), rs.getString("item_key"), rs.getString("old_value"),
                rs.getString("new_value"), rs.getString("reason"), rs.getString("source"), rs.getString("source_detail"));
    }
}
