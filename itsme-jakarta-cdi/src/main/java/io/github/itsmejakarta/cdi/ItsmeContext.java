package io.github.itsmejakarta.cdi;

import jakarta.enterprise.context.RequestScoped;

@RequestScoped
public class ItsmeContext {
}
