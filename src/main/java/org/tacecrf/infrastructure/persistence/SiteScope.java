package org.tacecrf.infrastructure.persistence;

import java.util.Collection;
import java.util.List;

/**
 * The sites bound to a {@code site_id in :sites} query parameter. An empty list is not valid in an
 * SQL {@code in}, so a user without a site in the study is bound a value that no site id can
 * equal: longer than the 64 characters of every site_id column. (A NUL character would do on H2,
 * but PostgreSQL refuses it in text and the query fails.)
 */
public final class SiteScope {

    /** Matches no site. */
    public static final String NO_SITE = "-".repeat(65);

    private SiteScope() {
    }

    /** The sites as given, or {@link #NO_SITE} alone when there are none. */
    public static Collection<String> orNoSite(Collection<String> siteIds) {
        return siteIds.isEmpty() ? List.of(NO_SITE) : siteIds;
    }
}
