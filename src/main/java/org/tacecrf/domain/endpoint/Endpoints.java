package org.tacecrf.domain.endpoint;

import java.time.LocalDate;

/**
 * A subject's time-to-event endpoints, all from the same origin.
 *
 * @param origin     which date is time 0
 * @param originDate its date
 * @param os         overall survival
 * @param pfs        progression-free survival
 * @param ttp        time to progression
 */
public record Endpoints(Origin origin, LocalDate originDate, TimeToEvent os, TimeToEvent pfs, TimeToEvent ttp) {
}
