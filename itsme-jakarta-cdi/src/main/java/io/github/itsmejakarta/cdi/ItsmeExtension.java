package io.github.itsmejakarta.cdi;

import io.github.itsmejakarta.cdi.internal.ElEvaluator;
import io.github.itsmejakarta.cdi.internal.ItsmeSettings;
import io.github.itsmejakarta.cdi.internal.QualifiedMechanismPlaceholder;
import io.github.itsmejakarta.cdi.internal.QualifierInstances;
import io.github.itsmejakarta.cdi.internal.RelyingParty;
import io.github.itsmejakarta.cdi.internal.SettingsResolver;
import io.github.itsmejakarta.cdi.internal.TelemetryLookup;
import io.github.itsmejakarta.cdi.internal.UnknownKeys;
import io.github.itsmejakarta.core.ItsmeConfigurationException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.Annotated;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessBeanAttributes;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import java.lang.System.Logger.Level;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The CDI portable extension behind {@link ItsmeAuthenticationMechanismDefinition} (registered in
 * {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}).
 *
 * <p>How the beans come and go (CDI 4.0, chapter 11.5 "container lifecycle events"):
 * <ol>
 * <li>{@code BeforeBeanDiscovery}: {@link ItsmeAuthenticationMechanism}, {@link ItsmeIdentityStore} and
 * {@link ItsmeContext} are added with {@code addAnnotatedType}, always, because whether the application carries the
 * definition is only known later, and because Open Liberty finds mechanisms only through
 * {@code ProcessAnnotatedType}, which synthetic beans ({@code AfterBeanDiscovery.addBean}) never fire. This jar has
 * an extension and no {@code beans.xml}, so it is not a bean archive (CDI 4.0, 12.1): the classes become beans only
 * through this registration, never twice.</li>
 * <li>{@code ProcessAnnotatedType} with {@code @WithAnnotations}: records the classes carrying the definition.</li>
 * <li>{@code AfterTypeDiscovery}: with a qualified mechanism on a Jakarta Security 4.0 server, adds
 * {@link QualifiedMechanismPlaceholder} (Open Liberty 26.0.0.5 needs one unqualified mechanism per module).</li>
 * <li>{@code ProcessBeanAttributes}: fired after type discovery is complete, so the answer is known; without a
 * definition the three beans are vetoed and the application is untouched (no mechanism bean exists).</li>
 * <li>{@code ProcessBean}: records every enabled bean with the type {@link ItsmeGroupsMapper}, wherever it lives.
 * {@link ItsmeIdentityStore} takes its mappers from this list rather than from an {@code Instance} injection point,
 * because a type added by an extension of a jar that is no bean archive gets a bean archive of its own that need not
 * see the application's classes: Payara (GlassFish's {@code DeploymentImpl.loadBeanDeploymentArchive}) makes such a
 * new archive visible to every other one but gives it no visibility of theirs, so an {@code Instance} resolved from
 * the identity store found no mapper in {@code WEB-INF/classes}, while WildFly (one archive per module) found it.
 * Contextual references obtained for a given {@code Bean} are not subject to that visibility rule.</li>
 * <li>{@code AfterDeploymentValidation}: the settings are resolved (MicroProfile Config, then the annotation with EL,
 * then defaults) and checked (ITSME-1735 warns about {@code itsme.*} names no setting has, with the nearest key);
 * every problem goes into one {@link DeploymentException} with its {@code ITSME-17xx}
 * id, and the deployment's one {@link RelyingParty} (clients, stores, flows) is built over them (no network call).</li>
 * </ol>
 *
 * <p>Thread-safety: the container calls the observers from one thread during deployment; {@link #settings()} is read
 * afterwards through a volatile field.
 */
public class ItsmeExtension implements Extension {
    private static final System.Logger LOG = System.getLogger(ItsmeExtension.class.getName());
    private static final List<Class<?>> BEAN_CLASSES = List.of(ItsmeAuthenticationMechanism.class,
            ItsmeIdentityStore.class, ItsmeContext.class);

    private final List<AnnotatedType<?>> definitions = new ArrayList<>();
    private final List<Bean<?>> groupsMappers = new ArrayList<>();
    /** What stood in the way of the configured qualifiers; reported with the other problems at validation. */
    private final List<String> qualifierProblems = new ArrayList<>();
    private volatile ItsmeSettings settings;
    private volatile RelyingParty relyingParty;

    void addBeans(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        for (Class<?> type : BEAN_CLASSES) {
            event.addAnnotatedType(beanManager.createAnnotatedType(type), ItsmeExtension.class.getName() + "."
                    + type.getSimpleName());
        }
        // opt-in: on a server with MicroProfile Health the type is only added when asked for
        if (healthEnabled()) {
            healthCheckClass().ifPresent(type -> event.addAnnotatedType(beanManager.createAnnotatedType(type),
                    ItsmeExtension.class.getName() + "." + type.getSimpleName()));
        }
    }

    /**
     * The readiness check's class when the MicroProfile Health API is visible; it is loaded by name only then, since
     * it implements the API's interface.
     */
    private static Optional<Class<?>> healthCheckClass() {
        ClassLoader loader = ItsmeExtension.class.getClassLoader();
        try {
            Class.forName("org.eclipse.microprofile.health.HealthCheck", false, loader);
            return Optional.of(Class.forName(ItsmeExtension.class.getPackageName() + ".ItsmeReadinessCheck", false,
                    loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /**
     * The readiness check needs the mechanism's deployment; observed for every bean, since naming its type here would
     * load the MicroProfile Health API where it is absent.
     */
    void vetoHealthCheck(@Observes ProcessBeanAttributes<?> event) {
        Annotated annotated = event.getAnnotated();
        if (annotated instanceof AnnotatedType<?> type
                && type.getJavaClass().getName().equals(ItsmeExtension.class.getPackageName() + ".ItsmeReadinessCheck")
                && definitions.isEmpty()) {
            event.veto();
        }
    }

    private static boolean healthEnabled() {
        return configLookup(config()).apply(ItsmeConfigKeys.HEALTH_ENABLED).map(String::trim).map(Boolean::parseBoolean)
                .orElse(false);
    }

    <T> void findDefinition(
            @Observes @WithAnnotations(ItsmeAuthenticationMechanismDefinition.class) ProcessAnnotatedType<T> event) {
        // @WithAnnotations also matches the annotation on members; only the class-level one counts
        if (event.getAnnotatedType().isAnnotationPresent(ItsmeAuthenticationMechanismDefinition.class)) {
            definitions.add(event.getAnnotatedType());
        }
    }

    /**
     * With a qualified itsme mechanism on a Jakarta Security 4.0 server, adds the one unqualified
     * {@link QualifiedMechanismPlaceholder}: Open Liberty 26.0.0.5 refuses every request of a module in which it finds
     * no {@code @Default} mechanism, before it asks the application's handler. Added here, after the definition was
     * seen, and as an annotated type, since Liberty finds mechanisms only through {@code ProcessAnnotatedType}.
     */
    void addPlaceholderForQualifiedMechanism(@Observes AfterTypeDiscovery event, BeanManager beanManager) {
        if (definitions.isEmpty() || !hasMechanismHandler()) {
            return;
        }
        if (!qualifierNames().isEmpty()) {
            event.addAnnotatedType(beanManager.createAnnotatedType(QualifiedMechanismPlaceholder.class),
                    ItsmeExtension.class.getName() + "." + QualifiedMechanismPlaceholder.class.getSimpleName());
        }
    }

    void findGroupsMapper(@Observes ProcessBean<?> event) {
        if (event.getBean().getTypes().contains(ItsmeGroupsMapper.class)) {
            groupsMappers.add(event.getBean());
        }
    }

    /** The enabled {@link ItsmeGroupsMapper} beans of the deployment, in discovery order. */
    List<Bean<?>> groupsMapperBeans() {
        return List.copyOf(groupsMappers);
    }

    void vetoMechanism(@Observes ProcessBeanAttributes<ItsmeAuthenticationMechanism> event) {
        vetoUnlessEnabled(event);
        if (!definitions.isEmpty()) {
            qualify(event);
        }
    }

    /**
     * Gives the mechanism bean the configured qualifiers in place of {@code @Default} (Jakarta Security 4.0, 2.4.1:
     * the built-in definitions' {@code qualifiers}), so that an application with several mechanisms selects it in its
     * own {@code HttpAuthenticationMechanismHandler}. On a Jakarta Security 3.0 server nothing would select a
     * qualified mechanism and no login would ever happen, so the deployment is refused there (ITSME-1761).
     */
    private void qualify(ProcessBeanAttributes<ItsmeAuthenticationMechanism> event) {
        Class<?> definitionClass = definitions.get(0).getJavaClass();
        List<String> names = qualifierNames();
        if (names.isEmpty()) {
            return;
        }
        if (!hasMechanismHandler()) {
            qualifierProblems.add(ItsmeCdiMessage.QUALIFIERS_NEED_SECURITY_4.format(ItsmeConfigKeys.QUALIFIERS,
                    names));
            return;
        }
        QualifierInstances.Result result = QualifierInstances.of(names, definitionClass.getClassLoader());
        if (!result.problems().isEmpty()) {
            qualifierProblems.add(ItsmeCdiMessage.CONFIG_INVALID.format(ItsmeConfigKeys.QUALIFIERS,
                    String.join("; ", result.problems())));
            return;
        }
        Set<Annotation> qualifiers = new HashSet<>(result.qualifiers());
        qualifiers.add(Any.Literal.INSTANCE);
        event.configureBeanAttributes().qualifiers(qualifiers);
        LOG.log(Level.INFO, () -> "itsme mechanism qualified with " + result.qualifiers());
    }

    /** The configured qualifiers' class names (MicroProfile Config, else the definition's attribute). */
    private List<String> qualifierNames() {
        return SettingsResolver.qualifierNames(configLookup(config()),
                definitions.get(0).getJavaClass().getAnnotation(ItsmeAuthenticationMechanismDefinition.class));
    }

    /** Whether the server has Jakarta Security 4.0's HttpAuthenticationMechanismHandler (Jakarta EE 11). */
    private static boolean hasMechanismHandler() {
        try {
            Class.forName(
                    "jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanismHandler",
                    false, HttpAuthenticationMechanism.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    void vetoIdentityStore(@Observes ProcessBeanAttributes<ItsmeIdentityStore> event) {
        vetoUnlessEnabled(event);
    }

    void vetoContext(@Observes ProcessBeanAttributes<ItsmeContext> event) {
        vetoUnlessEnabled(event);
    }

    private void vetoUnlessEnabled(ProcessBeanAttributes<?> event) {
        if (definitions.isEmpty()) {
            event.veto();
        }
    }

    void validate(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        if (definitions.isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>(qualifierProblems);
        if (definitions.size() > 1) {
            problems.add(ItsmeCdiMessage.DEFINITION_DUPLICATE.format(definitions.stream()
                    .map(t -> t.getJavaClass().getName()).sorted().toList()));
        }
        ItsmeAuthenticationMechanismDefinition definition = definitions.get(0)
                .getAnnotation(ItsmeAuthenticationMechanismDefinition.class);
        Optional<Config> config = config();
        config.ifPresent(ItsmeExtension::warnAboutUnknownKeys);
        // named services are found by their property names (itsme.services.<name>.*)
        Iterable<String> propertyNames = config.<Iterable<String>>map(Config::getPropertyNames).orElse(List.of());
        SettingsResolver.Resolution resolution = SettingsResolver.resolve(configLookup(config), propertyNames,
                definition, new ElEvaluator(beanManager));
        problems.addAll(resolution.problems());
        RelyingParty rp = null;
        if (resolution.isValid()) {
            // builds core's client once (no network call), so that what core checks itself, e.g. a JSON-B
            // implementation on the class path, fails the deployment rather than the first login
            try {
                rp = new RelyingParty(resolution.settings(), Clock.systemUTC(), TelemetryLookup.find(beanManager));
            } catch (ItsmeConfigurationException e) {
                problems.add(ItsmeCdiMessage.CLIENT_INVALID.format(e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            String message = ItsmeCdiMessage.DEPLOYMENT_INVALID.format(problems.size(), String.join("; ", problems));
            LOG.log(Level.ERROR, message);
            event.addDeploymentProblem(new DeploymentException(message));
            return;
        }
        settings = resolution.settings();
        relyingParty = rp;
        LOG.log(Level.INFO, () -> "itsme login enabled: " + settings);
    }

    /** MicroProfile Config when the application has it; an application without MP Config uses the annotation. */
    private static Optional<Config> config() {
        try {
            return Optional.of(ConfigProvider.getConfig());
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.DEBUG, "No MicroProfile Config available; using the annotation only", e);
            return Optional.empty();
        }
    }

    private static Function<String, Optional<String>> configLookup(Optional<Config> config) {
        return config.<Function<String, Optional<String>>>map(c -> key -> c.getOptionalValue(key, String.class))
                .orElse(key -> Optional.empty());
    }

    /**
     * ITSME-1735 for every {@code itsme.*} property name that is no key of {@link ItsmeConfigKeys}, with the nearest
     * key: a typo otherwise leaves the default in place without a word.
     */
    private static void warnAboutUnknownKeys(Config config) {
        List<String> known = new ArrayList<>();
        for (Field field : ItsmeConfigKeys.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    // itsme.services. ends with '.': a prefix under which the named services' check looks
                    known.add((String) field.get(null));
                } catch (IllegalAccessException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        }
        for (String warning : new UnknownKeys(known).warnings(config.getPropertyNames())) {
            LOG.log(Level.WARNING, warning);
        }
        for (String warning : UnknownKeys.serviceWarnings(config.getPropertyNames())) {
            LOG.log(Level.WARNING, warning);
        }
    }

    /** Whether an {@link ItsmeAuthenticationMechanismDefinition} was found. */
    public boolean isEnabled() {
        return !definitions.isEmpty();
    }

    /**
     * The deployment's relying party: the clients, stores and collaborators the mechanism and {@link ItsmeContext}
     * share.
     *
     * @throws IllegalStateException before a successful deployment validation
     */
    RelyingParty relyingParty() {
        RelyingParty rp = relyingParty;
        if (rp == null) {
            throw new IllegalStateException("itsme settings are not resolved: is the deployment valid?");
        }
        return rp;
    }

    /**
     * The validated settings.
     *
     * @throws IllegalStateException before a successful deployment validation
     */
    ItsmeSettings settings() {
        ItsmeSettings s = settings;
        if (s == null) {
            throw new IllegalStateException("itsme settings are not resolved: is the deployment valid?");
        }
        return s;
    }
}
