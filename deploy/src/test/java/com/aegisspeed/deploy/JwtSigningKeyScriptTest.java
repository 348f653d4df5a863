package com.aegisspeed.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * scripts/NewJwtSigningKey.java prints a private P-256 JWK that signs ES256 tokens its public half verifies, and the
 * rotation runbook in deploy/README.md tells how long a withdrawn key keeps verifying.
 */
class JwtSigningKeyScriptTest {

    private record Run(int exitCode, String stdout) {
    }

    /**
     * The rotation runbook's timing is the verifiers' own: how long they keep a fetched key set and trust a verified
     * signature (common's aegis-defaults.yml). A withdrawn key keeps verifying until both expire, never "at once".
     */
    @Test
    void theRotationRunbookStatesHowLongVerifiersKeepAWithdrawnKey() {
        Map<String, Object> defaults = new Yaml().load(Repository.read(
                Repository.root().resolve("common/src/main/resources/aegis-defaults.yml")));
        Object keySetSeconds = Yamls.at(defaults, "micronaut", "security", "token", "jwt", "signatures", "jwks", "auth",
                "cache-expiration");
        Object signatureTrust = Yamls.at(defaults, "aegis", "jwt", "token-cache", "trust");
        assertEquals(60, keySetSeconds, "the key set is cached a minute, as deploy/README.md says");
        assertEquals("60s", signatureTrust, "a verified signature is trusted a minute, as deploy/README.md says");
        String readme = Repository.read(Repository.deploy().resolve("README.md"));
        String rotation = readme.substring(readme.indexOf("## Rotate the JWT signing key"),
                readme.indexOf("## Rotate the database passwords"));
        assertTrue(rotation.contains("keep the key set they fetched for up to a minute, and a signature they verified for"
                + " another\nminute"), "deploy/README.md states both caches");
        assertFalse(rotation.matches("(?s).*(stops? verifying|refused) at once.*"), "a removed key does not stop at once");
    }

    @Test
    void printsAPrivateP256KeyThatSignsAndVerifiesEs256() throws Exception {
        Run run = runScript("aegis-test-1");
        assertEquals(0, run.exitCode(), run.stdout());
        ECKey key = JWK.parse(run.stdout().trim()).toECKey();
        assertEquals(Curve.P_256, key.getCurve());
        assertTrue(key.isPrivate());
        assertEquals("aegis-test-1", key.getKeyID());
        assertEquals(JWSAlgorithm.ES256, key.getAlgorithm());

        // As auth-service sees it: a JWK Set whose first key signs; as verifiers see it: the public set.
        JWKSet signingKeys = JWKSet.parse("{\"keys\":[" + run.stdout().trim() + "]}");
        ECKey signing = signingKeys.getKeys().get(0).toECKey();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signing.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject("someone").build());
        token.sign(new ECDSASigner(signing));
        ECKey published = signingKeys.toPublicJWKSet().getKeyByKeyId("aegis-test-1").toECKey();
        assertFalse(published.isPrivate());
        assertTrue(SignedJWT.parse(token.serialize()).verify(new ECDSAVerifier(published)));
    }

    @Test
    void everyRunMakesANewKeyWithItsOwnKid() throws Exception {
        ECKey first = JWK.parse(runScript().stdout().trim()).toECKey();
        ECKey second = JWK.parse(runScript().stdout().trim()).toECKey();
        assertNotEquals(first.getD(), second.getD());
        assertNotEquals(first.getKeyID(), second.getKeyID());
        assertTrue(first.getKeyID().matches("aegis-\\d{4}-\\d{2}-\\d{2}-[0-9a-f]{8}"), first.getKeyID());
    }

    @Test
    void refusesAKidThatWouldBreakTheJson() throws Exception {
        Run run = runScript("bad\"kid");
        assertNotEquals(0, run.exitCode());
        assertFalse(run.stdout().contains("\"d\""), "no key printed");
    }

    private static Run runScript(String... arguments) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(),
                Repository.deploy().resolve("scripts/NewJwtSigningKey.java").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the key script did not finish within 60 s");
        }
        return new Run(process.exitValue(), output);
    }
}
