package org.tacecrf.application.user;

import java.util.Set;

import org.tacecrf.model.user.Role;
import org.tacecrf.model.user.SiteAccess;

/** What a data manager enters to create or change a user. */
public record UserCommand(String username, String fullName, String email, Set<Role> roles, Set<SiteAccess> sites) {

    public UserCommand {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        sites = sites == null ? Set.of() : Set.copyOf(sites);
    }
}
