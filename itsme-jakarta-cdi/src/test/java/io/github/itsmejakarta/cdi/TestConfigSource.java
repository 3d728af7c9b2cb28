package io.github.itsmejakarta.cdi;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * A MicroProfile Config source the tests fill per test (registered through {@code META-INF/services}); ordinal 500,
 * above the default sources. Cleared by {@link #clear()} before each test.
 */
public class TestConfigSource implements ConfigSource {
    private static final Map<String, String> VALUES = new ConcurrentHashMap<>();

    public static void set(String key, String value) {
        VALUES.put(key, value);
    }

    public static void setAll(Map<String, String> values) {
        VALUES.putAll(values);
    }

    public static void clear() {
        VALUES.clear();
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.copyOf(VALUES.keySet());
    }

    @Override
    public String getValue(String propertyName) {
        return VALUES.get(propertyName);
    }

    @Override
    public String getName() {
        return "itsme-test";
    }

    @Override
    public int getOrdinal() {
        return 500;
    }
}
