package io.github.itsmejakarta.it.app;

import java.util.Set;

import io.github.itsmejakarta.cdi.ItsmeCallerPrincipal;
import io.github.itsmejakarta.cdi.ItsmeGroupsMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** The application's own rule: whoever shared a Belgian national number is an {@code eid-holder}. */
@ApplicationScoped
public class EidGroupsMapper implements ItsmeGroupsMapper {

    @Override
    public Set<String> groups(ItsmeCallerPrincipal caller) {
        return caller.claims().belgianNationalNumber().isPresent() ? Set.of("eid-holder") : Set.of();
    }
}
