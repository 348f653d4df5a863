package com.aegisspeed.auth;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.TestHttp;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signing keys (docs/internal-api.md): from {@code aegis.jwt.signing-keys} the first key signs and all are
 * published, so tokens of the previous key stay valid through a rotation; without it a key is generated once
 * into the data folder and kept across restarts.
 */
@ExtendWith(RealUserService.class)
class SigningKeysTest {

    @Test
    void afterARotationTheNewKeySignsAndTokensOfTheOldKeyStayValid(RealUserService.Running users) throws Exception {
        ECKey old = AuthHarness.newKey();
        String tokenOfOldKey;
        try (AuthHarness before = AuthHarness.start(users, Map.of("aegis.jwt.signing-keys", new JWKSet(old).toString(false)))) {
            tokenOfOldKey = before.adminToken();
            assertEquals(old.getKeyID(), SignedJWT.parse(tokenOfOldKey).getHeader().getKeyID());
        }
        ECKey next = AuthHarness.newKey();
        try (AuthHarness after = AuthHarness.start(users,
                Map.of("aegis.jwt.signing-keys", new JWKSet(List.of(next, old)).toString(false)))) {
            TestHttp.Reply jwks = after.http().get("/.well-known/jwks.json");
            assertEquals(200, jwks.status());
            JWKSet published = JWKSet.parse(jwks.body());
            assertEquals(List.of(next.getKeyID(), old.getKeyID()), published.getKeys().stream().map(k -> k.getKeyID()).toList());
            assertTrue(published.getKeys().stream().noneMatch(k -> k.isPrivate()), "a private key was published");
            assertFalse(jwks.body().contains("\"d\""), jwks.body());

            assertEquals(next.getKeyID(), SignedJWT.parse(after.adminToken()).getHeader().getKeyID());
            // The token the old key signed before the switch still verifies.
            assertEquals(200, after.logout(tokenOfOldKey).status());
        }
    }

    @Test
    void withoutConfiguredKeysOneIsGeneratedIntoTheDataFolderAndKept(RealUserService.Running users, @TempDir Path dataDir)
            throws Exception {
        Map<String, Object> noKeys = Map.of("aegis.jwt.signing-keys", "", "aegis.data-dir", dataDir.toString());
        String firstKid;
        try (AuthHarness first = AuthHarness.start(users, noKeys)) {
            firstKid = SignedJWT.parse(first.adminToken()).getHeader().getKeyID();
            assertTrue(Files.exists(dataDir.resolve("auth-signing-keys.json")));
            assertEquals(firstKid, JWKSet.parse(first.http().get("/.well-known/jwks.json").body()).getKeys().get(0).getKeyID());
        }
        try (AuthHarness second = AuthHarness.start(users, noKeys)) {
            assertEquals(firstKid, SignedJWT.parse(second.adminToken()).getHeader().getKeyID());
        }
    }

    @Test
    void theJwksNeedsNoInternalSecretAndCarriesNoEnvelope(RealUserService.Running users) throws Exception {
        try (AuthHarness harness = AuthHarness.start(users)) {
            TestHttp.Reply reply = harness.http().get("/.well-known/jwks.json");
            assertEquals(200, reply.status());
            assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
            assertEquals(List.of("keys"), List.copyOf(reply.envelope().keySet()));
            EnvelopeAssertions.assertErrorEnvelope(harness.http().get("/internal/revocations"), 403, "00000");
        }
    }
}
