package io.github.itsmejakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.itsmejakarta.core.Acr;
import io.github.itsmejakarta.core.ItsmeIdentity;
import io.github.itsmejakarta.core.Service;
import io.github.itsmejakarta.core.claims.ItsmeClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The identity store in Weld SE, next to an application's own store and groups mapper. */
class ItsmeIdentityStoreTest {
    static final ItsmeIdentity IDENTITY = ItsmeIdentity.of("0123456789abcdef0123456789abcdef0123",
            "https://idp.e2e.itsme.services/v2", List.of("minimal-client"), Acr.ADVANCED.uri(), Instant.now(),
            Instant.now(), Instant.now().plusSeconds(300),
            ItsmeClaims.of(Map.of("email", "jan@example.be", "family_name", "Peeters")));

    @AfterEach
    void clear() {
        TestConfigSource.clear();
    }

    @ApplicationScoped
    public static class RoleMapper implements ItsmeGroupsMapper {
        @Override
        public Set<String> groups(ItsmeCallerPrincipal caller) {
            return caller.identity().acr().filter(a -> a == Acr.ADVANCED).isPresent() ? Set.of("signer") : Set.of();
        }
    }

    /** The application's own store for its own credentials. */
    @ApplicationScoped
    public static class PasswordStore implements IdentityStore {
        @Override
        public CredentialValidationResult validate(jakarta.security.enterprise.credential.Credential credential) {
            if (credential instanceof UsernamePasswordCredential up && up.compareTo("admin", "secret")) {
                return new CredentialValidationResult("admin", Set.of("admin"));
            }
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
    }

    @Test
    void anItsmeCredentialYieldsTheCallerWithClaimsDefaultGroupsAndMappedGroups() {
        TestConfigSource.set(ItsmeConfigKeys.DEFAULT_GROUPS, "user customer");
        try (WeldContainer c = WeldBoot.start(Definitions.Minimal.class, RoleMapper.class, PasswordStore.class)) {
            CredentialValidationResult r = c.select(IdentityStoreHandler.class).get()
                    .validate(new ItsmeCredential(IDENTITY, Service.LOGIN));
            assertThat(r.getStatus()).isEqualTo(CredentialValidationResult.Status.VALID);
            assertThat(r.getCallerPrincipal()).isInstanceOfSatisfying(ItsmeCallerPrincipal.class, p -> {
                assertThat(p.getName()).isEqualTo(IDENTITY.sub());
                assertThat(p.claims().email()).contains("jan@example.be");
            });
            assertThat(r.getCallerGroups()).containsExactlyInAnyOrder("user", "customer", "signer");
        }
    }

    /** A mapper without a scope annotation (dependent): no bean-defining annotation, added as a bean class. */
    public static class DependentMapper implements ItsmeGroupsMapper {
        @Override
        public Set<String> groups(ItsmeCallerPrincipal caller) {
            return Set.of("dependent");
        }
    }

    /** A mapper made by a producer method. */
    @ApplicationScoped
    public static class MapperProducer {
        @jakarta.enterprise.inject.Produces
        ItsmeGroupsMapper byFamilyName() {
            return caller -> caller.claims().familyName().map(n -> Set.of("family-" + n)).orElse(Set.of());
        }
    }

    @Test
    void everyKindOfMapperBeanIsAppliedManagedDependentAndProduced() {
        try (WeldContainer c = WeldBoot.start(Definitions.Minimal.class, RoleMapper.class, DependentMapper.class,
                MapperProducer.class)) {
            CredentialValidationResult r = c.select(IdentityStoreHandler.class).get()
                    .validate(new ItsmeCredential(IDENTITY, Service.LOGIN));
            assertThat(r.getCallerGroups()).containsExactlyInAnyOrder("signer", "dependent", "family-Peeters");
        }
    }

    @Test
    void aMapperDecidesPerCallerWithoutAnyMapperOnlyTheDefaultGroupsCount() {
        TestConfigSource.set(ItsmeConfigKeys.DEFAULT_GROUPS, "user");
        ItsmeIdentity basic = ItsmeIdentity.of(IDENTITY.sub(), IDENTITY.issuer(), IDENTITY.audience(),
                Acr.BASIC.uri(), Instant.now(), Instant.now(), Instant.now().plusSeconds(300), IDENTITY.claims());
        try (WeldContainer c = WeldBoot.start(Definitions.Minimal.class, RoleMapper.class)) {
            IdentityStoreHandler handler = c.select(IdentityStoreHandler.class).get();
            assertThat(handler.validate(new ItsmeCredential(basic, Service.LOGIN)).getCallerGroups())
                    .containsExactly("user");
            assertThat(handler.validate(new ItsmeCredential(IDENTITY, Service.LOGIN)).getCallerGroups())
                    .containsExactlyInAnyOrder("user", "signer");
        }
        try (WeldContainer c = WeldBoot.start(Definitions.Minimal.class)) {
            assertThat(c.select(IdentityStoreHandler.class).get().validate(new ItsmeCredential(IDENTITY,
                    Service.LOGIN)).getCallerGroups()).containsExactly("user");
        }
    }

    /**
     * Payara puts a type added by the extension of a jar without beans.xml into a bean archive of its own that sees
     * no other archive, so an {@code Instance<ItsmeGroupsMapper>} resolved there finds none of the application's
     * mappers (WildFly and Weld SE see them). The store therefore resolves nothing by type from its own archive: its
     * only injection points are the extension and the bean manager, and the mappers come from the extension's
     * {@code ProcessBean} list.
     */
    @Test
    void theStoreResolvesNoMapperByTypeFromItsOwnBeanArchive() {
        try (WeldContainer c = WeldBoot.start(Definitions.Minimal.class, RoleMapper.class)) {
            jakarta.enterprise.inject.spi.BeanManager bm = c.getBeanManager();
            assertThat(bm.getBeans(ItsmeIdentityStore.class)).singleElement()
                    .satisfies(b -> assertThat(b.getInjectionPoints())
                            .extracting(jakarta.enterprise.inject.spi.InjectionPoint::getType)
                            .containsExactlyInAnyOrder(ItsmeExtension.class,
                                    jakarta.enterprise.inject.spi.BeanManager.class));
            assertThat(c.select(ItsmeExtension.class).get().groupsMapperBeans()).singleElement()
                    .satisfies(b -> assertThat(b.getBeanClass()).isEqualTo(RoleMapper.class));
        }
    }

    @Test
    void otherIdentityStoresStillTakePart() {
        try (WeldContainer c = WeldBoot.start(Definitions.Minimal.class, PasswordStore.class)) {
            IdentityStoreHandler handler = c.select(IdentityStoreHandler.class).get();
            CredentialValidationResult password = handler.validate(new UsernamePasswordCredential("admin", "secret"));
            assertThat(password.getStatus()).isEqualTo(CredentialValidationResult.Status.VALID);
            assertThat(password.getCallerPrincipal().getName()).isEqualTo("admin");
            assertThat(handler.validate(new UsernamePasswordCredential("admin", "wrong")).getStatus())
                    .isEqualTo(CredentialValidationResult.Status.NOT_VALIDATED);
        }
    }

    @Test
    void theItsmeStoreIgnoresOtherCredentials() {
        ItsmeIdentityStore store = new ItsmeIdentityStore(TestSettings.of(minimal()), List.of());
        assertThat(store.validate(new UsernamePasswordCredential("admin", "secret")))
                .isSameAs(CredentialValidationResult.NOT_VALIDATED_RESULT);
    }

    @Test
    void theCallerNameComesFromTheConfiguredClaim() {
        Map<String, String> config = minimal();
        config.put(ItsmeConfigKeys.CALLER_NAME_CLAIM, "email");
        CredentialValidationResult r = new ItsmeIdentityStore(TestSettings.of(config), List.of())
                .validate(new ItsmeCredential(IDENTITY, Service.LOGIN));
        assertThat(r.getCallerPrincipal().getName()).isEqualTo("jan@example.be");
        assertThat(((ItsmeCallerPrincipal) r.getCallerPrincipal()).sub()).isEqualTo(IDENTITY.sub());
    }

    @Test
    void aMissingCallerNameClaimIsInvalid() {
        Map<String, String> config = minimal();
        config.put(ItsmeConfigKeys.CALLER_NAME_CLAIM, "phone_number");
        assertThat(new ItsmeIdentityStore(TestSettings.of(config), List.of())
                .validate(new ItsmeCredential(IDENTITY, Service.LOGIN)).getStatus())
                .isEqualTo(CredentialValidationResult.Status.INVALID);
    }

    @Test
    void theCallerPrincipalSurvivesSerialization() throws Exception {
        ItsmeCallerPrincipal principal = new ItsmeCallerPrincipal("name", IDENTITY);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(principal);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            ItsmeCallerPrincipal copy = (ItsmeCallerPrincipal) in.readObject();
            assertThat(copy).isEqualTo(principal);
            assertThat(copy.claims().familyName()).contains("Peeters");
        }
    }

    static Map<String, String> minimal() {
        Map<String, String> config = new java.util.HashMap<>();
        config.put(ItsmeConfigKeys.CLIENT_ID, "minimal-client");
        config.put(ItsmeConfigKeys.SERVICE_CODE, "MINIMAL_LOGIN");
        config.put(ItsmeConfigKeys.PRIVATE_JWKS_LOCATION, "classpath:rp-private-jwks.json");
        return config;
    }
}
