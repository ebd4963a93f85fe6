package org.tacecrf.domain.exchange;

import java.nio.file.Path;

import org.tacecrf.domain.study.StudyCatalog;
import org.tacecrf.domain.study.StudyDefinition;

/** The shipped study definitions, loaded once for the exchange tests. */
final class Studies {

    private static final StudyCatalog CATALOG = StudyCatalog.load(Path.of(System.getProperty("basedir", ".")).resolve("config/studies"));

    private Studies() {
    }

    /** Three sites, two arms, repeating follow-up visits. */
    static StudyDefinition hcc() {
        return CATALOG.get("hcc-deb-sorafenib");
    }

    static StudyDefinition get(String id) {
        return CATALOG.get(id);
    }
}
