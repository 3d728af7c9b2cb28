package io.github.itsmejakarta.cdi.internal;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * Who may call a JAX-RS resource method, read from its security annotations as Jakarta Annotations 2.1 section 3.3
 * orders them: an annotation on the method overrides the one on its class; {@code @DenyAll} and {@code @PermitAll}
 * apply to methods only in that sense too. Immutable and thread-safe.
 *
 * @param denyAll {@code @DenyAll}: nobody, not even a logged-in caller
 * @param roles the roles of {@code @RolesAllowed}, any one of which suffices; empty with neither annotation
 */
public record RoleRule(boolean denyAll, List<String> roles) {

    public RoleRule {
        roles = List.copyOf(roles);
    }

    /**
     * The rule for {@code method} of {@code resourceClass} (the class the runtime matched, which may be a subclass
     * of the method's declaring class), or empty when neither carries {@code @RolesAllowed} or {@code @DenyAll}, or
     * when {@code @PermitAll} wins.
     */
    public static Optional<RoleRule> of(Method method, Class<?> resourceClass) {
        Optional<RoleRule> onMethod = read(method);
        if (onMethod != null) {
            return onMethod;
        }
        Optional<RoleRule> onClass = read(resourceClass);
        if (onClass == null && method.getDeclaringClass() != resourceClass) {
            onClass = read(method.getDeclaringClass());
        }
        return onClass == null ? Optional.empty() : onClass;
    }

    /** The element's own rule; {@code null} when it carries none of the three annotations (the caller looks further). */
    @SuppressWarnings("java:S2789") // null means "not decided here", empty means "decided: anybody"
    private static Optional<RoleRule> read(AnnotatedElement element) {
        if (element.isAnnotationPresent(DenyAll.class)) {
            return Optional.of(new RoleRule(true, List.of()));
        }
        if (element.isAnnotationPresent(PermitAll.class)) {
            return Optional.empty();
        }
        RolesAllowed allowed = element.getAnnotation(RolesAllowed.class);
        if (allowed != null) {
            return Optional.of(new RoleRule(false, List.of(allowed.value())));
        }
        return null;
    }
}
