package org.tacecrf.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2 trigger that refuses UPDATE and DELETE on the audit table, so even a bug or a hand-written
 * statement through the application's connection cannot rewrite history. (PostgreSQL uses a
 * PL/pgSQL trigger for the same purpose.)
 */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("The audit trail is append-only: records cannot be changed or deleted", "42000");
    }
}
