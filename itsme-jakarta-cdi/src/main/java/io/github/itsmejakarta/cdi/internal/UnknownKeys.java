package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.cdi.ItsmeCdiMessage;
import io.github.itsmejakarta.cdi.ItsmeConfigKeys;
import io.github.itsmejakarta.cdi.ItsmeConfigKeys.ServiceKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds configuration property names under {@code itsme.} that no setting has, and the known key each most likely
 * meant ("{@code itsme.clientid}: did you mean {@code itsme.client-id}?"), so that a typo shows at deployment instead
 * of as a default silently used. Names are compared without case and without the separators {@code - _ .}, then by
 * edit distance (Levenshtein) over what is left, up to {@value #MAX_DISTANCE} edits.
 *
 * <p>Immutable and thread-safe.
 */
public final class UnknownKeys {
    static final String PREFIX = "itsme.";
    static final int MAX_DISTANCE = 3;

    private final List<String> known;

    /** Over the keys the extension reads. */
    public UnknownKeys(Collection<String> knownKeys) {
        this.known = List.copyOf(knownKeys);
    }

    /**
     * One ITSME-1735 warning per unknown {@code itsme.*} name among {@code propertyNames}, in name order. A known key
     * ending with {@code .} is a prefix under which any name is known (settings named by the application).
     */
    public List<String> warnings(Iterable<String> propertyNames) {
        TreeSet<String> unknown = new TreeSet<>();
        for (String name : propertyNames) {
            if (name.startsWith(PREFIX) && !isKnown(name)) {
                unknown.add(name);
            }
        }
        List<String> warnings = new ArrayList<>();
        for (String name : unknown) {
            warnings.add(nearest(name)
                    .map(k -> ItsmeCdiMessage.CONFIG_KEY_UNKNOWN.format(name, "did you mean '" + k + "'?"))
                    .orElseGet(() -> ItsmeCdiMessage.CONFIG_KEY_UNKNOWN.format(name, "no itsme setting is near it")));
        }
        return warnings;
    }

    /**
     * One ITSME-1735 warning per name under {@code itsme.services.<name>.} whose key no named service has, with the
     * nearest key of that service ("{@code itsme.services.kyc.scope}: did you mean
     * {@code itsme.services.kyc.scopes}?"), and per {@code itsme.services.<name>} without a key; in name order.
     */
    public static List<String> serviceWarnings(Iterable<String> propertyNames) {
        TreeSet<String> sorted = new TreeSet<>();
        propertyNames.forEach(sorted::add);
        List<String> warnings = new ArrayList<>();
        for (String name : sorted) {
            if (!name.startsWith(ItsmeConfigKeys.SERVICES)) {
                continue;
            }
            int dot = name.indexOf('.', ItsmeConfigKeys.SERVICES.length());
            if (dot < 0) {
                warnings.add(ItsmeCdiMessage.CONFIG_KEY_UNKNOWN.format(name, "a named service's setting is '"
                        + ItsmeConfigKeys.SERVICES + "<name>.<key>'"));
                continue;
            }
            String service = name.substring(ItsmeConfigKeys.SERVICES.length(), dot);
            if (!ServiceKeys.all().contains(name.substring(dot + 1))) {
                warnings.addAll(new UnknownKeys(ServiceKeys.all().stream().map(k -> ServiceKeys.key(service, k))
                        .toList()).warnings(List.of(name)));
            }
        }
        return warnings;
    }

    private boolean isKnown(String name) {
        return known.stream().anyMatch(k -> k.endsWith(".") ? name.startsWith(k) : name.equals(k));
    }

    Optional<String> nearest(String name) {
        String n = normalise(name);
        return known.stream().filter(k -> !k.endsWith(".")).map(k -> new Candidate(k, distance(n, normalise(k))))
                .filter(c -> c.distance() <= MAX_DISTANCE)
                .min(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::key))
                .map(Candidate::key);
    }

    private record Candidate(String key, int distance) {
    }

    private static String normalise(String key) {
        return key.substring(Math.min(PREFIX.length(), key.length())).toLowerCase(Locale.ROOT)
                .replaceAll("[-_.]", "");
    }

    /** Levenshtein distance, two rows. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
