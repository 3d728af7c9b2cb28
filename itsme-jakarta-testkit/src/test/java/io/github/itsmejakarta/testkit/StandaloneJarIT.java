package io.github.itsmejakarta.testkit;

import static io.github.itsmejakarta.testkit.TestRelyingParty.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded {@code -standalone} jar, run as {@code java -jar} in its own process: it must start with nothing but
 * itself on the class path (smallrye-jwt-build finds its MicroProfile Config, JSON-P finds Parsson) and serve a whole
 * login.
 */
class StandaloneJarIT {

    private static final TestRelyingParty RP = new TestRelyingParty("standalone-client");

    @TempDir
    Path dir;

    /** Reads the rest of the output in the background, so that the process never blocks on a full pipe. */
    private static void drain(BufferedReader out) {
        CompletableFuture.runAsync(() -> out.lines().forEach(line -> {
            // discarded
        }));
    }

    @Test
    void theStandaloneJarServesAWholeLogin() throws Exception {
        Path jar = Path.of(System.getProperty("standalone.jar", "target/missing-standalone.jar"));
        assertThat(jar).exists();
        Path jwks = Files.writeString(dir.resolve("rp.json"), RP.publicJwks());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", jar.toString(), "--port", "0", "--client-id",
                RP.clientId, "--jwks-file", jwks.toString(), "--redirect-uri", REDIRECT, "--service", LOGIN
                        + "=LOGIN",
                "--auto-approve", "belgian-eid-holder").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String issuer = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.trim().startsWith("issuer:")) {
                            return line.substring(line.indexOf("http"));
                        }
                    }
                    return null;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(120, TimeUnit.SECONDS);
            assertThat(issuer).startsWith("http://127.0.0.1:").endsWith("/v2");
            drain(out);

            Map<String, Object> discovery = json(RP.get(URI.create(issuer + "/.well-known/openid-configuration"))
                    .body());
            assertThat(discovery).containsEntry("issuer", issuer);

            Pkce pkce = pkce();
            Map<String, String> params = RP.authorizationParams(LOGIN, pkce, "profile");
            Map<String, String> redirect = redirectParams(RP.get(uri(URI.create(issuer + "/authorization"),
                    params)));
            assertThat(redirect).containsEntry("state", params.get("state")).containsKey("code");

            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "authorization_code");
            form.put("code", redirect.get("code"));
            form.put("redirect_uri", REDIRECT);
            form.put("code_verifier", pkce.verifier());
            form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
            form.put("client_assertion", RP.clientAssertion(issuer + "/token"));
            Map<String, Object> tokens = json(RP.postForm(URI.create(issuer + "/token"), form).body());
            assertThat(tokens).containsKeys("id_token", "access_token");

            String jwksJson = RP.get(URI.create(issuer + "/jwks")).body();
            Map<String, Object> id = RP.open(jwksJson, (String) tokens.get("id_token")).map();
            assertThat(id).containsEntry("iss", issuer).containsEntry("nonce", params.get("nonce"))
                    .containsEntry("sub", TestPersons.BELGIAN_EID_HOLDER.subFor(RP.clientId));
            Map<String, Object> info = RP.open(jwksJson, RP.get(URI.create(issuer + "/userinfo"), (String) tokens
                    .get("access_token")).body()).map();
            assertThat(info).containsEntry("family_name", "Lambert");
            assertThat(info.get("sub")).isEqualTo(id.get("sub"));
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
