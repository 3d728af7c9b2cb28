package io.github.itsmejakarta.cdi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/** Boots Weld SE with only the given classes and the extension (Weld SE reads service files only with discovery). */
final class WeldBoot {
    private WeldBoot() {
    }

    static Weld weld(Class<?>... beanClasses) {
        List<Class<?>> classes = new ArrayList<>();
        Collections.addAll(classes, beanClasses);
        classes.add(TestIdentityStoreHandler.class);
        return new Weld().disableDiscovery().addExtension(new ItsmeExtension())
                .addBeanClasses(classes.toArray(Class<?>[]::new));
    }

    static WeldContainer start(Class<?>... beanClasses) {
        return weld(beanClasses).initialize();
    }

    /** The message of the itsme deployment error (ITSME-1709 ...), found among Weld's wrapping exceptions. */
    static String deploymentError(Class<?>... beanClasses) {
        try (WeldContainer unexpected = start(beanClasses)) {
            throw new AssertionError("The deployment should have failed");
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t.getMessage() != null && t.getMessage().contains("ITSME-1709")) {
                    return t.getMessage().substring(t.getMessage().indexOf("ITSME-1709"));
                }
                for (Throwable s : t.getSuppressed()) {
                    if (s.getMessage() != null && s.getMessage().contains("ITSME-1709")) {
                        return s.getMessage().substring(s.getMessage().indexOf("ITSME-1709"));
                    }
                }
            }
            throw new AssertionError("No ITSME-1709 deployment error", e);
        }
    }
}
