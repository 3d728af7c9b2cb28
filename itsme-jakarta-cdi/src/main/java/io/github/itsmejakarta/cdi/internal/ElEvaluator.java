package io.github.itsmejakarta.cdi.internal;

import jakarta.el.ELContext;
import jakarta.el.ELManager;
import jakarta.el.ELProcessor;
import jakarta.el.ELResolver;
import jakarta.el.StandardELContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Evaluates the EL in annotation attributes the way Jakarta Security does for its own definitions: an
 * {@link ELProcessor} whose identifiers resolve to {@code @Named} CDI beans, so {@code #{bean.property}} works. One
 * difference: {@code #{...}} is evaluated at once like {@code ${...}}, since the settings are fixed at deployment.
 *
 * <p>Beans are resolved by {@link NamedBeans} through the portable {@code BeanManager} API rather than
 * {@code BeanManager.getELResolver()}, which CDI 4.1 moved out of {@code BeanManager} and Weld SE lacks. The EL
 * implementation is looked up only when an attribute holds an expression. Not thread-safe; used once, during
 * deployment.
 */
public final class ElEvaluator implements UnaryOperator<String> {
    private final BeanManager beanManager;
    private ELProcessor processor;

    public ElEvaluator(BeanManager beanManager) {
        this.beanManager = beanManager;
    }

    @Override
    public String apply(String text) {
        if (processor == null) {
            ELProcessor p = new ELProcessor();
            p.getELManager().addELResolver(new NamedBeans(beanManager));
            processor = p;
        }
        StandardELContext context = processor.getELManager().getELContext();
        Object value = ELManager.getExpressionFactory()
                .createValueExpression(context, text.replace("#{", "${"), Object.class).getValue(context);
        return value == null ? null : value.toString();
    }

    /** Resolves a top-level identifier to the {@code @Named} bean of that name. Read-only. */
    static final class NamedBeans extends ELResolver {
        private final BeanManager beanManager;

        NamedBeans(BeanManager beanManager) {
            this.beanManager = beanManager;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base != null || property == null) {
                return null;
            }
            Set<Bean<?>> beans = beanManager.getBeans(property.toString());
            if (beans.isEmpty()) {
                return null;
            }
            Bean<?> bean = beanManager.resolve(beans);
            context.setPropertyResolved(true);
            return beanManager.getReference(bean, Object.class, beanManager.createCreationalContext(bean));
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            // read-only: settings expressions never assign
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return true;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return base == null ? Object.class : null;
        }
    }
}
