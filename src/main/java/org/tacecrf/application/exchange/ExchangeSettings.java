package org.tacecrf.application.exchange;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tacecrf.domain.exchange.ImportLimits;
import org.tacecrf.model.user.Role;

/**
 * Who may export, who may include identifying items in an export, and how large an import file may
 * be. Read from MicroProfile Config:
 * <ul>
 *   <li>{@code tace.export.roles} (default {@code DATA_MANAGER,MONITOR,INVESTIGATOR}): roles that may
 *       export the data of their sites;</li>
 *   <li>{@code tace.export.identifying-roles} (default {@code INVESTIGATOR}): roles that may ask for
 *       identifying items (record number, initials) in an export; everyone else never gets them;</li>
 *   <li>{@code tace.import.max-megabytes} (default 25) and {@code tace.import.max-rows} (default
 *       50000).</li>
 * </ul>
 * Imports are for data managers only.
 */
@ApplicationScoped
public class ExchangeSettings {

    @Inject
    @ConfigProperty(name = "tace.export.roles", defaultValue = "DATA_MANAGER,MONITOR,INVESTIGATOR")
    String exportRoles;

    @Inject
    @ConfigProperty(name = "tace.export.identifying-roles", defaultValue = "INVESTIGATOR")
    String identifyingRoles;

    @Inject
    @ConfigProperty(name = "tace.import.max-megabytes", defaultValue = "25")
    int maxMegabytes;

    @Inject
    @ConfigProperty(name = "tace.import.max-rows", defaultValue = "50000")
    int maxRows;

    public Role[] exportRoles() {
        return roles(exportRoles).toArray(Role[]::new);
    }

    public Role[] identifyingRoles() {
        return roles(identifyingRoles).toArray(Role[]::new);
    }

    public ImportLimits importLimits() {
        return new ImportLimits(maxMegabytes * 1024L * 1024L, maxRows);
    }

    static Set<Role> roles(String list) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(s -> roles.add(Role.valueOf(s.toUpperCase(Locale.ROOT))));
        return roles;
    }
}
