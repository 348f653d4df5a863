package com.aegisspeed.auth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.List;
import java.util.UUID;

/**
 * The EC P-256 private keys tokens are signed with (docs/internal-api.md). From {@code AEGIS_JWT_SIGNING_KEYS}
 * (a JWK Set): the first key signs, all are published, so a rotation puts the new key first and keeps the old
 * one until the last token it signed has expired (7 days). Without it (local runs) one key is generated at
 * first start into {@value #KEY_FILE} under the data folder and reused afterwards.
 */
@Singleton
public class SigningKeys {

    static final String KEY_FILE = "auth-signing-keys.json";
    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);

    private final List<ECKey> keys;
    private final JWKSet publicKeys;

    public SigningKeys(@Value("${aegis.jwt.signing-keys:}") String configuredKeys,
                       @Value("${aegis.data-dir}") String dataDir) {
        JWKSet set = configuredKeys.isBlank() ? fromKeyFile(Path.of(dataDir, KEY_FILE)) : parse(configuredKeys);
        this.keys = set.getKeys().stream().map(SigningKeys::requireSigningKey).toList();
        if (keys.isEmpty()) {
            throw new IllegalStateException("AEGIS_JWT_SIGNING_KEYS holds no key");
        }
        this.publicKeys = new JWKSet(keys.stream().map(key -> (JWK) key.toPublicJWK()).toList());
    }

    /** The key new tokens are signed with. */
    public ECKey current() {
        return keys.get(0);
    }

    /** The public halves of every key, the current one first. */
    public JWKSet publicKeys() {
        return publicKeys;
    }

    private static ECKey requireSigningKey(JWK key) {
        if (!(key instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve()) || !ec.isPrivate() || ec.getKeyID() == null) {
            throw new IllegalStateException("AEGIS_JWT_SIGNING_KEYS: every key must be a private EC P-256 key with a kid");
        }
        return ec;
    }

    private static JWKSet parse(String json) {
        try {
            return JWKSet.parse(json);
        } catch (ParseException e) {
            // The message could quote key material: say only what is wrong.
            throw new IllegalStateException("AEGIS_JWT_SIGNING_KEYS is not a JWK Set");
        }
    }

    private static JWKSet fromKeyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                String generated = new JWKSet(generate()).toString(false);
                try {
                    Files.writeString(Files.createFile(file), generated, StandardCharsets.UTF_8);
                    restrictToOwner(file);
                    LOG.info("Generated a token signing key in {} (set AEGIS_JWT_SIGNING_KEYS outside local runs)", file);
                } catch (FileAlreadyExistsException e) {
                    LOG.info("Another process generated the signing key file {} first; using it", file);
                }
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the signing key file " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.warn("Cannot restrict the permissions of {} on this file system", file);
        }
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an EC P-256 key", e);
        }
    }
}
