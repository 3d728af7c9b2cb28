package io.github.itsmejakarta.it.ee11app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.inject.Qualifier;

/** The itsme mechanism of this application ({@code @ItsmeAuthenticationMechanismDefinition(qualifiers = ...)}). */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface ItsmeLogin {
}
