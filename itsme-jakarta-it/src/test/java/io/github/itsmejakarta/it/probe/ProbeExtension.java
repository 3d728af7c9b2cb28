package io.github.itsmejakarta.it.probe;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

/** Throwaway: registers the mechanism the way itsme-jakarta-cdi must (an annotated type, seen by Liberty). */
public class ProbeExtension implements Extension {

    void register(@Observes BeforeBeanDiscovery event, BeanManager manager) {
        event.addAnnotatedType(manager.createAnnotatedType(ProbeMechanism.class), ProbeMechanism.class.getName());
    }
}
