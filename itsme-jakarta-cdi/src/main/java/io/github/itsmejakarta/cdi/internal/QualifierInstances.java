package io.github.itsmejakarta.cdi.internal;

import jakarta.inject.Qualifier;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the qualifier classes named by {@code itsme.qualifiers} (or the definition's {@code qualifiers} attribute)
 * into annotation instances the CDI container can put on the mechanism bean, as Jakarta Security 4.0 does for its own
 * definitions' {@code qualifiers}. A class name gives no member values, so only qualifiers without members are
 * accepted. Each instance honours {@link Annotation}'s contract for {@code equals},
 * {@code hashCode} and {@code annotationType}, which is what the container compares. Stateless and thread-safe.
 */
public final class QualifierInstances {

    /** The resolved instances, or the problems that make them impossible (never both). */
    public record Result(Set<Annotation> qualifiers, List<String> problems) {
        public Result {
            qualifiers = Set.copyOf(qualifiers);
            problems = List.copyOf(problems);
        }
    }

    private QualifierInstances() {
    }

    /** Loads each named class with {@code loader} and makes its instance; every refusal is described. */
    public static Result of(List<String> classNames, ClassLoader loader) {
        Set<Annotation> qualifiers = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (String name : classNames) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add("'" + name + "' cannot be loaded");
                continue;
            }
            if (!type.isAnnotation() || !type.isAnnotationPresent(Qualifier.class)) {
                problems.add("'" + name + "' is not a CDI qualifier (an annotation carrying @Qualifier)");
                continue;
            }
            if (type.getDeclaredMethods().length > 0) {
                problems.add("'" + name + "' has members; a qualifier named by its class must have none");
                continue;
            }
            qualifiers.add(instance(type.asSubclass(Annotation.class)));
        }
        return new Result(problems.isEmpty() ? qualifiers : Set.of(), problems);
    }

    /**
     * An instance of the member-less annotation {@code type}: equal to every other instance of it, hash code 0
     * ({@link Annotation#hashCode()} of an annotation without members).
     */
    static <A extends Annotation> A instance(Class<A> type) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (self, method, args) -> {
            switch (method.getName()) {
                case "annotationType" :
                    return type;
                case "equals" :
                    return type.isInstance(args[0]);
                case "hashCode" :
                    return 0;
                case "toString" :
                    return "@" + type.getName() + "()";
                default :
                    throw new UnsupportedOperationException(method.getName());
            }
        });
        return type.cast(proxy);
    }
}
