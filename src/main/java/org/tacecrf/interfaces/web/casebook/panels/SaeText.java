package org.tacecrf.interfaces.web.casebook.panels;

import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.tacecrf.domain.casebook.derive.SaeReporting;
import org.tacecrf.interfaces.web.support.Messages;

/**
 * How late a serious adverse event's report is, as the form panel and the SAE listings say it:
 * hours and minutes within the first three days, whole days after that (a report missing for years
 * reads as days, not as tens of thousands of hours), days for entries recorded by day only.
 */
@Named("saeText")
@ApplicationScoped
public class SaeText {

    /** Hours up to which lateness is told to the minute. */
    static final long HOURS_SHOWN = 72;

    public String lateness(SaeReporting r) {
        return format(r);
    }

    /** In the page's language. */
    static String format(SaeReporting r) {
        return format(r, Messages::text);
    }

    /** In the language of {@code text} (a message key and its arguments to the sentence). */
    static String format(SaeReporting r, BiFunction<String, Object[], String> text) {
        if (r.exact() && r.late().toHours() < HOURS_SHOWN) {
            return text.apply("sae.lateHours", new Object[]{r.late().toHours(), r.late().toMinutesPart()});
        }
        return text.apply("sae.lateDays", new Object[]{r.daysLate()});
    }
}
