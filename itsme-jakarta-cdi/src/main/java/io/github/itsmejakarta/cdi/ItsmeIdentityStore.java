package io.github.itsmejakarta.cdi;

import io.github.itsmejakarta.cdi.internal.ItsmeSettings;
import io.github.itsmejakarta.core.ItsmeIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an {@link ItsmeCredential} into an {@link ItsmeCallerPrincipal} and groups. The identity was verified by core
 * before it got here; this store only names the caller ({@value ItsmeConfigKeys#CALLER_NAME_CLAIM}) and collects the
 * groups ({@value ItsmeConfigKeys#DEFAULT_GROUPS} plus every {@link ItsmeGroupsMapper} bean). Any other credential is
 * {@code NOT_VALIDATED}, so the application's own identity stores keep working, and stores of its own with
 * {@code PROVIDE_GROUPS} add groups to itsme callers (Jakarta Security 3.0, 3.4.3).
 *
 * <p>The mappers are the beans {@link ItsmeExtension} saw in {@code ProcessBean}, referenced through the
 * {@link BeanManager} by their {@code Bean}, not an {@code Instance<ItsmeGroupsMapper>}: this class is added by the
 * extension, and on Payara the bean archive it lands in cannot see {@code WEB-INF/classes}, so an {@code Instance}
 * there is silently empty (see {@link ItsmeExtension}).
 *
 * <p>Application-scoped and thread-safe.
 */
@ApplicationScoped
public class ItsmeIdentityStore implements IdentityStore {
    private static final System.Logger LOG = System.getLogger(ItsmeIdentityStore.class.getName());

    @Inject
    ItsmeExtension extension;
    @Inject
    BeanManager beanManager;

    private String callerNameClaim;
    private Set<String> defaultGroups;
    private Iterable<ItsmeGroupsMapper> groupsMappers;

    /** For CDI. */
    public ItsmeIdentityStore() {
    }

    /** Outside CDI (tests). */
    ItsmeIdentityStore(ItsmeSettings settings, Iterable<ItsmeGroupsMapper> groupsMappers) {
        setUp(settings, groupsMappers);
    }

    @PostConstruct
    void init() {
        setUp(extension.settings(), references(beanManager, extension.groupsMapperBeans()));
    }

    /** A contextual reference to each mapper bean; a bean's reference needs no visibility of its archive. */
    static List<ItsmeGroupsMapper> references(BeanManager beanManager, List<Bean<?>> beans) {
        List<ItsmeGroupsMapper> references = new ArrayList<>(beans.size());
        for (Bean<?> bean : beans) {
            references.add((ItsmeGroupsMapper) beanManager.getReference(bean, ItsmeGroupsMapper.class,
                    beanManager.createCreationalContext(bean)));
        }
        return List.copyOf(references);
    }

    private void setUp(ItsmeSettings settings, Iterable<ItsmeGroupsMapper> groupsMappers) {
        this.callerNameClaim = settings.callerNameClaim();
        this.defaultGroups = settings.defaultGroups();
        this.groupsMappers = groupsMappers;
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof ItsmeCredential itsme)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Optional<String> name = callerName(itsme.identity());
        if (name.isEmpty()) {
            LOG.log(Level.WARNING, () -> ItsmeCdiMessage.CREDENTIAL_REFUSED.format("the ID token has no claim '"
                    + callerNameClaim + "' to name the caller; ask for it with itsme.claims or itsme.scopes"));
            return CredentialValidationResult.INVALID_RESULT;
        }
        ItsmeCallerPrincipal caller = new ItsmeCallerPrincipal(name.get(), itsme.identity());
        Set<String> groups = new LinkedHashSet<>(defaultGroups);
        for (ItsmeGroupsMapper mapper : groupsMappers) {
            groups.addAll(mapper.groups(caller));
        }
        return new CredentialValidationResult(caller, groups);
    }

    private Optional<String> callerName(ItsmeIdentity identity) {
        if ("sub".equals(callerNameClaim)) {
            return Optional.of(identity.sub());
        }
        return identity.claims().get(callerNameClaim).map(Object::toString).filter(s -> !s.isBlank());
    }
}
