package io.github.itsmejakarta.core;

import io.github.itsmejakarta.core.support.Browser;
import io.github.itsmejakarta.core.support.SimulatorFlowTest;
import io.github.itsmejakarta.core.support.Simulators;
import io.github.itsmejakarta.testkit.Endpoint;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Userinfo end to end: the nested JWT answer, its sub bound to the ID token's, the approval echoed. */
class UserInfoFlowTest extends SimulatorFlowTest {
    private ItsmeTokens login(AuthorizationRequest request) throws Exception {
        PendingAuthorization p = client.authorize(request);
        return client.exchange(Browser.callback(p), p);
    }

    @Test
    @DisplayName("checklist 19 accepting twin: userinfo with the scopes' claims and the ID token's sub; Bearer sent")
    void userInfo() throws Exception {
        ItsmeTokens tokens = login(AuthorizationRequest.shareData(Simulators.SHARE).scopes(Scope.PROFILE));
        ItsmeUserInfo info = client.userInfo(tokens);
        assertThat(info.sub()).isEqualTo(tokens.identity().sub());
        assertThat(info.claims().familyName()).isPresent();
        assertThat(sim.recordedRequests(Endpoint.USERINFO).get(0).header("Authorization"))
                .contains("Bearer " + tokens.accessToken());
    }

    @Test
    @DisplayName("confirm: the approved values are echoed in userinfo too")
    void confirmEcho() throws Exception {
        ItsmeTokens tokens = login(AuthorizationRequest.confirm(Simulators.CONFIRM, Approval.freeText("Pay <b>5</b>")));
        assertThat(client.userInfo(tokens).claims().getString(Approval.TEXT_CLAIM)).contains("Pay <b>5</b>");
    }

    @Test
    @DisplayName("checklist 18 end to end: userinfo for another sub is refused (ITSME-1502)")
    void otherSub() throws Exception {
        ItsmeTokens tokens = login(AuthorizationRequest.login(Simulators.LOGIN));
        sim.hooks().alterNextUserInfo(t -> t.claim("sub", "another-subject-0000000000000000000000"));
        assertThatThrownBy(() -> client.userInfo(tokens)).isInstanceOf(ItsmeRejectedException.class)
                .hasMessageStartingWith("ITSME-1502");
    }
}
