package org.tacecrf.it.support;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Lets an in-container test act as a named user. Each bean runs the given work under a
 * {@link RunAs} identity whose principal is the user name (mapped in the test war's
 * {@code glassfish-ejb-jar.xml}), asynchronously so that every call has a request context of its
 * own: the services' request-scoped {@code CurrentUser} then resolves the right user each time.
 */
public final class Identities {

    private Identities() {
    }

    /** A user a test can act as: demo accounts plus an investigator of another site created by the test. */
    public enum As {
        NURSE("nurse", "NURSE"), INVESTIGATOR("investigator", "INVESTIGATOR"), MONITOR("monitor", "MONITOR"),
        DATA_MANAGER("datamanager", "DATA_MANAGER"), OTHER_INVESTIGATOR("otherinvestigator", "INVESTIGATOR"),
        SITE_MONITOR("sitemonitor", "MONITOR");

        public final String username;
        public final String role;

        As(String username, String role) {
            this.username = username;
            this.role = role;
        }
    }

    /** The test war: the product's war with this helper, its run-as mapping and the given test classes. */
    public static WebArchive war(Class<?>... testClasses) {
        WebArchive war = Deployments.warWith(testClasses).addClasses(Identities.class, As.class, Runner.class, Hop.class, Runners.class,
                Nurse.class, Investigator.class, Monitor.class, DataManager.class, OtherInvestigator.class, SiteMonitor.class);
        StringBuilder ejb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE glassfish-ejb-jar PUBLIC \"-//GlassFish.org//DTD GlassFish Application Server 3.1 EJB 3.1//EN\""
                + " \"http://glassfish.org/dtds/glassfish-ejb-jar_3_1-1.dtd\">\n<glassfish-ejb-jar>\n  <enterprise-beans>\n");
        for (As as : As.values()) {
            ejb.append("    <ejb><ejb-name>").append(beanName(as)).append("</ejb-name><principal><name>")
                    .append(as.username).append("</name></principal></ejb>\n");
        }
        ejb.append("  </enterprise-beans>\n</glassfish-ejb-jar>\n");
        // The run-as principals get their roles by name; signed-in users keep theirs by group (role = group).
        StringBuilder roles = new StringBuilder();
        for (String role : new String[] {"NURSE", "INVESTIGATOR", "MONITOR", "DATA_MANAGER"}) {
            roles.append("\n  <security-role-mapping><role-name>").append(role).append("</role-name>");
            for (As as : As.values()) {
                if (as.role.equals(role)) {
                    roles.append("<principal-name>").append(as.username).append("</principal-name>");
                }
            }
            roles.append("<group-name>").append(role).append("</group-name></security-role-mapping>");
        }
        String web;
        try (var in = war.get("/WEB-INF/payara-web.xml").getAsset().openStream()) {
            web = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        web = web.replace("</context-root>", "</context-root>" + roles);
        war.delete("/WEB-INF/payara-web.xml");
        war.addAsWebInfResource(new StringAsset(web), "payara-web.xml");
        return war.addAsWebInfResource(new StringAsset(ejb.toString()), "glassfish-ejb-jar.xml");
    }

    static String beanName(As as) {
        return "As" + as.name();
    }

    /** Runs work as the user and returns its result; exceptions thrown by the work are rethrown. */
    public static <T> T call(Runners runners, As as, Callable<T> work) throws Exception {
        Runner runner = switch (as) {
            case NURSE -> runners.nurse;
            case INVESTIGATOR -> runners.investigator;
            case MONITOR -> runners.monitor;
            case DATA_MANAGER -> runners.dataManager;
            case OTHER_INVESTIGATOR -> runners.otherInvestigator;
            case SITE_MONITOR -> runners.siteMonitor;
        };
        try {
            return runner.call(work).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The injected beans, collected by the test. */
    public record Runners(Runner nurse, Runner investigator, Runner monitor, Runner dataManager, Runner otherInvestigator,
                          Runner siteMonitor) {

        public Runners(Runner nurse, Runner investigator, Runner monitor, Runner dataManager, Runner otherInvestigator) {
            this(nurse, investigator, monitor, dataManager, otherInvestigator, null);
        }
    }

    /**
     * What every identity bean does: hands the work to {@link Hop}, because a run-as identity
     * applies to the calls a bean makes, not to the bean itself. No transaction of its own, so
     * each service call commits or rolls back by itself, as it does when a page calls it.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public abstract static class Runner {
        @EJB
        private Hop hop;

        @Asynchronous
        public <T> Future<T> call(Callable<T> work) throws Exception {
            return new AsyncResult<>(hop.call(work));
        }
    }

    /** Runs the work as its caller, the run-as identity. */
    @Stateless
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public static class Hop {
        public <T> T call(Callable<T> work) throws Exception {
            return work.call();
        }
    }

    @Stateless(name = "AsNURSE")
    @RunAs("NURSE")
    @PermitAll
    public static class Nurse extends Runner {
    }

    @Stateless(name = "AsINVESTIGATOR")
    @RunAs("INVESTIGATOR")
    @PermitAll
    public static class Investigator extends Runner {
    }

    @Stateless(name = "AsMONITOR")
    @RunAs("MONITOR")
    @PermitAll
    public static class Monitor extends Runner {
    }

    @Stateless(name = "AsDATA_MANAGER")
    @RunAs("DATA_MANAGER")
    @PermitAll
    public static class DataManager extends Runner {
    }

    @Stateless(name = "AsOTHER_INVESTIGATOR")
    @RunAs("INVESTIGATOR")
    @PermitAll
    public static class OtherInvestigator extends Runner {
    }

    @Stateless(name = "AsSITE_MONITOR")
    @RunAs("MONITOR")
    @PermitAll
    public static class SiteMonitor extends Runner {
    }
}
