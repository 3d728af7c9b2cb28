package io.github.itsmejakarta.cdi;

import java.util.Set;

/**
 * Adds groups to an itsme caller. Provide any number of CDI beans of this type; {@link ItsmeIdentityStore} asks each
 * at every login and adds what they return to {@value ItsmeConfigKeys#DEFAULT_GROUPS}. (An application can also add
 * its own {@code IdentityStore} with {@code PROVIDE_GROUPS}, as Jakarta Security defines.)
 *
 * <p>Implementations must be thread-safe when application-scoped.
 */
@FunctionalInterface
public interface ItsmeGroupsMapper {
    /** The groups {@code caller} belongs to; never {@code null}. */
    Set<String> groups(ItsmeCallerPrincipal caller);
}
