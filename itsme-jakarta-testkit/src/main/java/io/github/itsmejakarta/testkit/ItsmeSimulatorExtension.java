package io.github.itsmejakarta.testkit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension running an {@link ItsmeSimulator}. Registered on a static field it starts once per test class
 * and stops after it; on an instance field, once per test. Before each test the simulator is
 * {@link ItsmeSimulator#reset() reset}. Test and lifecycle methods can take an {@link ItsmeSimulator} or
 * {@link SimulatorHooks} parameter.
 *
 * <pre>{@code
 * @RegisterExtension
 * static ItsmeSimulatorExtension itsme = ItsmeSimulatorExtension.builder()
 *         .client(SimulatedClient.builder("my-client").publicJwks(PUBLIC_JWKS)
 *                 .redirectUri("http://127.0.0.1:8080/callback").service("LOGIN", ServiceType.LOGIN).build())
 *         .build();
 *
 * @Test
 * void logsIn(ItsmeSimulator sim) {
 *     sim.autoApprove(TestPersons.BELGIAN_EID_HOLDER);
 *     ...
 * }
 * }</pre>
 * <p>
 * Thread-safe: the lifecycle methods synchronize, so classes running in parallel with separate extensions do not
 * interfere; one extension instance serves one test class at a time. Tests sharing one simulator must not run
 * concurrently with each other: the reset before each test and the one-shot hooks are simulator-wide.
 */
public final class ItsmeSimulatorExtension
        implements
            BeforeAllCallback,
            AfterAllCallback,
            BeforeEachCallback,
            AfterEachCallback,
            ParameterResolver {

    private final List<Consumer<ItsmeSimulator.Builder>> configuration;
    private ItsmeSimulator simulator;
    private String owner;

    /**
     * For {@code @ExtendWith(ItsmeSimulatorExtension.class)}: a simulator with the default settings and no client;
     * register clients with {@link ItsmeSimulator#registerClient(SimulatedClient)}.
     */
    public ItsmeSimulatorExtension() {
        this(List.of());
    }

    private ItsmeSimulatorExtension(List<Consumer<ItsmeSimulator.Builder>> configuration) {
        this.configuration = List.copyOf(configuration);
    }

    /** Starts a configuration. */
    public static Builder builder() {
        return new Builder();
    }

    /** The running simulator. */
    public synchronized ItsmeSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("the itsme simulator runs only while tests run");
        }
        return simulator;
    }

    /** Shortcut for {@code simulator().issuer()}. */
    public String issuer() {
        return simulator().issuer();
    }

    /** Shortcut for {@code simulator().discoveryUri()}. */
    public java.net.URI discoveryUri() {
        return simulator().discoveryUri();
    }

    /** Shortcut for {@code simulator().hooks()}. */
    public SimulatorHooks hooks() {
        return simulator().hooks();
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        startIfNeeded(context);
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        stopIfOwner(context);
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        startIfNeeded(context);
        simulator.reset();
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        stopIfOwner(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == ItsmeSimulator.class || type == SimulatorHooks.class;
    }

    @Override
    public synchronized Object resolveParameter(ParameterContext parameterContext,
            ExtensionContext extensionContext) {
        startIfNeeded(extensionContext);
        return parameterContext.getParameter().getType() == SimulatorHooks.class ? simulator.hooks() : simulator;
    }

    private void startIfNeeded(ExtensionContext context) {
        if (simulator == null) {
            ItsmeSimulator.Builder builder = ItsmeSimulator.builder();
            configuration.forEach(c -> c.accept(builder));
            simulator = builder.build().start();
            owner = context.getUniqueId();
        }
    }

    private void stopIfOwner(ExtensionContext context) {
        if (simulator != null && context.getUniqueId().equals(owner)) {
            simulator.close();
            simulator = null;
            owner = null;
        }
    }

    /** Configures the extension's simulator; not thread-safe. */
    public static final class Builder {
        private final List<Consumer<ItsmeSimulator.Builder>> configuration = new ArrayList<>();

        private Builder() {
        }

        /** See {@link ItsmeSimulator.Builder#port(int)}. */
        public Builder port(int port) {
            return configure(b -> b.port(port));
        }

        /** See {@link ItsmeSimulator.Builder#client(SimulatedClient)}. */
        public Builder client(SimulatedClient client) {
            Objects.requireNonNull(client, "client");
            return configure(b -> b.client(client));
        }

        /** See {@link ItsmeSimulator.Builder#person(TestPerson)}. */
        public Builder person(TestPerson person) {
            Objects.requireNonNull(person, "person");
            return configure(b -> b.person(person));
        }

        /** See {@link ItsmeSimulator.Builder#jweAlgorithm(String)}. */
        public Builder jweAlgorithm(String alg) {
            return configure(b -> b.jweAlgorithm(alg));
        }

        /** See {@link ItsmeSimulator.Builder#contentEncryption(String)}. */
        public Builder contentEncryption(String enc) {
            return configure(b -> b.contentEncryption(enc));
        }

        /** See {@link ItsmeSimulator.Builder#clock(Clock)}. */
        public Builder clock(Clock clock) {
            Objects.requireNonNull(clock, "clock");
            return configure(b -> b.clock(clock));
        }

        /** See {@link ItsmeSimulator.Builder#lenient(Leniency...)}. */
        public Builder lenient(Leniency... which) {
            Leniency[] copy = which.clone();
            return configure(b -> b.lenient(copy));
        }

        /** See {@link ItsmeSimulator.Builder#userInfoContentType(String)}. */
        public Builder userInfoContentType(String contentType) {
            return configure(b -> b.userInfoContentType(contentType));
        }

        /** Any other setting of the simulator's builder, applied when the simulator starts. */
        public Builder configure(Consumer<ItsmeSimulator.Builder> step) {
            configuration.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        public ItsmeSimulatorExtension build() {
            return new ItsmeSimulatorExtension(configuration);
        }
    }
}
