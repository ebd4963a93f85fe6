package org.tacecrf.application.user;

import java.util.Map;
import java.util.Set;

import org.tacecrf.domain.casebook.reading.ReaderSlot;
import org.tacecrf.model.user.Role;
import org.tacecrf.model.user.SiteAccess;

/**
 * What a data manager enters to create or change a user.
 *
 * @param readerSlots study id to the user's seat in that study's blinded double reading
 */
public record UserCommand(String username, String fullName, String email, Set<Role> roles, Set<SiteAccess> sites,
                          Map<String, ReaderSlot> readerSlots) {

    public UserCommand {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        sites = sites == null ? Set.of() : Set.copyOf(sites);
        readerSlots = readerSlots == null ? Map.of() : Map.copyOf(readerSlots);
    }

    /** A user who reads no study's imaging blinded. */
    public UserCommand(String username, String fullName, String email, Set<Role> roles, Set<SiteAccess> sites) {
        this(username, fullName, email, roles, sites, Map.of());
    }
}
