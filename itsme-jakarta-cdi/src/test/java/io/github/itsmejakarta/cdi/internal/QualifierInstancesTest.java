package io.github.itsmejakarta.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Qualifier;
import java.lang.annotation.Annotation;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualifierInstancesTest {

    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @interface Browser {
    }

    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @interface Named2 {
        String value() default "x";
    }

    @Retention(RetentionPolicy.RUNTIME)
    @interface NotAQualifier {
    }

    @Browser
    static class Carrier {
    }

    private static final ClassLoader LOADER = QualifierInstancesTest.class.getClassLoader();

    @Test
    void anInstanceIsEqualToTheCompilersAndHashesTheSame() {
        QualifierInstances.Result result = QualifierInstances.of(List.of(Browser.class.getName()), LOADER);
        assertThat(result.problems()).isEmpty();
        Annotation made = result.qualifiers().iterator().next();
        Annotation real = Carrier.class.getAnnotation(Browser.class);
        assertThat(made.annotationType()).isEqualTo(Browser.class);
        assertThat(made).isEqualTo(real);
        assertThat(real).isEqualTo(made);
        assertThat(made.hashCode()).isEqualTo(real.hashCode());
    }

    @Test
    void whatIsNoMemberlessQualifierIsRefusedByName() {
        QualifierInstances.Result result = QualifierInstances.of(List.of(NotAQualifier.class.getName(),
                Named2.class.getName(), String.class.getName(), "com.example.Missing"), LOADER);
        assertThat(result.qualifiers()).isEmpty();
        assertThat(result.problems()).hasSize(4);
        assertThat(String.join("\n", result.problems())).contains(NotAQualifier.class.getName() + "' is not a CDI")
                .contains(Named2.class.getName() + "' has members").contains("java.lang.String' is not a CDI")
                .contains("'com.example.Missing' cannot be loaded");
    }
}
