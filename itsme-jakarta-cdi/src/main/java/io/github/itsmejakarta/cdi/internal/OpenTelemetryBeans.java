package io.github.itsmejakarta.cdi.internal;

import io.github.itsmejakarta.core.telemetry.ItsmeTelemetry;
import io.github.itsmejakarta.core.telemetry.OpenTelemetryItsmeTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import java.util.Set;

/**
 * The OpenTelemetry side of {@link TelemetryLookup}: linked only when the OpenTelemetry API is visible. Stateless and
 * thread-safe.
 */
final class OpenTelemetryBeans {
    private OpenTelemetryBeans() {
    }

    static ItsmeTelemetry containerOrGlobal(BeanManager beanManager) {
        Set<Bean<?>> beans = beanManager.getBeans(OpenTelemetry.class);
        Bean<?> bean = beans.isEmpty() ? null : beanManager.resolve(beans);
        if (bean == null) {
            return ItsmeTelemetry.automatic();
        }
        OpenTelemetry openTelemetry = (OpenTelemetry) beanManager.getReference(bean, OpenTelemetry.class,
                beanManager.createCreationalContext(bean));
        return OpenTelemetryItsmeTelemetry.of(openTelemetry);
    }
}
