package io.github.itsmejakarta.it.app;

import java.util.Set;

import io.github.itsmejakarta.cdi.ItsmeCallerPrincipal;
import io.github.itsmejakarta.cdi.ItsmeGroupsMapper;
import io.github.itsmejakarta.core.Acr;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's own rule: whoever logged in at itsme's advanced level (PIN code forced) is in the group
 * {@code strong-auth}.
 */
@ApplicationScoped
public class AcrGroupsMapper implements ItsmeGroupsMapper {

    @Override
    public Set<String> groups(ItsmeCallerPrincipal caller) {
        return caller.identity().acr().filter(Acr.ADVANCED::equals).isPresent() ? Set.of("strong-auth") : Set.of();
    }
}
