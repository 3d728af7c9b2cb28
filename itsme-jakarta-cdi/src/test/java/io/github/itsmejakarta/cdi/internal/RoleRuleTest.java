package io.github.itsmejakarta.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoleRuleTest {

    @RolesAllowed("user")
    static class UsersOnly {
        public void inherits() {
        }

        @RolesAllowed({"admin", "auditor"})
        public void narrower() {
        }

        @PermitAll
        public void open() {
        }

        @DenyAll
        public void closed() {
        }
    }

    static class Unannotated {
        public void free() {
        }

        @RolesAllowed("user")
        public void guarded() {
        }
    }

    static class SubOfUsersOnly extends UsersOnly {
    }

    private static Optional<RoleRule> rule(Class<?> type, String method) throws NoSuchMethodException {
        return RoleRule.of(type.getMethod(method), type);
    }

    @Test
    void aMethodWithoutAnnotationTakesItsClassRoles() throws NoSuchMethodException {
        assertThat(rule(UsersOnly.class, "inherits")).contains(new RoleRule(false, List.of("user")));
    }

    @Test
    void theMethodsRolesOverrideTheClasss() throws NoSuchMethodException {
        assertThat(rule(UsersOnly.class, "narrower")).contains(new RoleRule(false, List.of("admin", "auditor")));
    }

    @Test
    void permitAllOnTheMethodOpensItAndDenyAllClosesIt() throws NoSuchMethodException {
        assertThat(rule(UsersOnly.class, "open")).isEmpty();
        assertThat(rule(UsersOnly.class, "closed")).contains(new RoleRule(true, List.of()));
    }

    @Test
    void noAnnotationAnywhereMeansNoRuleAndAMethodAnnotationAloneIsOne() throws NoSuchMethodException {
        assertThat(rule(Unannotated.class, "free")).isEmpty();
        assertThat(rule(Unannotated.class, "guarded")).contains(new RoleRule(false, List.of("user")));
    }

    @Test
    void aSubclassMatchedByTheRuntimeKeepsTheDeclaringClasssRoles() throws NoSuchMethodException {
        assertThat(rule(SubOfUsersOnly.class, "inherits")).contains(new RoleRule(false, List.of("user")));
    }
}
