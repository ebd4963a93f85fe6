package org.tacecrf.it.support;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The war Maven built, deployed as it is: the integration tests test what ships. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive war() {
        String path = System.getProperty("tace.war", "target/tace-ecrf.war");
        File file = new File(path);
        if (!file.isFile()) {
            throw new IllegalStateException("Build the war first (mvn verify): " + file.getAbsolutePath());
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, file);
    }

    /** The war plus the given test classes, for tests that run inside the server. */
    public static WebArchive warWith(Class<?>... testClasses) {
        WebArchive war = war().addClasses(testClasses);
        war.addAsLibraries(new File(org.assertj.core.api.Assertions.class.getProtectionDomain().getCodeSource().getLocation().getPath()));
        return war;
    }
}
