package org.tacecrf.application.audit;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.tacecrf.infrastructure.persistence.AuditChainScanner;
import org.tacecrf.infrastructure.persistence.DatabaseMigration;
import org.tacecrf.model.user.Role;

/** The data manager's check of the audit trail's hash chain. */
@Stateless
@RolesAllowed(Role.DATA_MANAGER_NAME)
public class AuditVerification {

    @Resource(lookup = DatabaseMigration.DATA_SOURCE)
    private DataSource dataSource;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AuditChainScanner.Result verify() {
        try (Connection connection = dataSource.getConnection()) {
            return AuditChainScanner.verify(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit trail: " + e.getMessage(), e);
        }
    }
}
