package com.aegisspeed.auth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Factory;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.ec.ECSignature;
import io.micronaut.security.token.jwt.signature.ec.ECSignatureConfiguration;
import io.micronaut.security.token.jwt.signature.ec.ECSignatureGenerator;
import io.micronaut.security.token.jwt.signature.ec.ECSignatureGeneratorConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * micronaut-security-jwt's signature configuration from the {@link SigningKeys} JWK Set: the current key signs
 * (the library's token generator takes the {@code generator} bean), and auth-service verifies tokens with its own
 * published keys, the one named by the token's {@code kid}, rather than fetching its own JWKS over HTTP.
 */
@Factory
public class TokenSignatures {

    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration generator(SigningKeys keys) {
        ECKey current = keys.current();
        return new ECSignatureGenerator(new ECSignatureGeneratorConfiguration() {
            @Override
            public ECPrivateKey getPrivateKey() {
                return privateKey(current);
            }

            @Override
            public Optional<String> getKid() {
                return Optional.of(current.getKeyID());
            }

            @Override
            public ECPublicKey getPublicKey() {
                return publicKey(current);
            }

            @Override
            public JWSAlgorithm getJwsAlgorithm() {
                return JWSAlgorithm.ES256;
            }
        });
    }

    /** Every published key, the current one and those kept while tokens they signed may still be in use. */
    @Singleton
    @Named("published")
    SignatureConfiguration published(SigningKeys keys) {
        Map<String, ECSignature> byKeyId = keys.publicKeys().getKeys().stream()
                .map(ECKey.class::cast)
                .collect(Collectors.toUnmodifiableMap(ECKey::getKeyID, key -> verifier(key)));
        return new PublishedKeys(byKeyId);
    }

    private static ECSignature verifier(ECKey key) {
        return new ECSignature(new ECSignatureConfiguration() {
            @Override
            public ECPublicKey getPublicKey() {
                return publicKey(key);
            }

            @Override
            public JWSAlgorithm getJwsAlgorithm() {
                return JWSAlgorithm.ES256;
            }
        });
    }

    /** Verifies with the published key the token names; a token naming none is not verified. */
    private record PublishedKeys(Map<String, ECSignature> byKeyId) implements SignatureConfiguration {

        @Override
        public boolean verify(SignedJWT jwt) throws JOSEException {
            String keyId = jwt.getHeader().getKeyID();
            ECSignature signature = keyId == null ? null : byKeyId.get(keyId);
            return signature != null && signature.verify(jwt);
        }

        @Override
        public String supportedAlgorithmsMessage() {
            return "Only the ES256 JWS algorithm is supported";
        }

        @Override
        public boolean supports(JWSAlgorithm algorithm) {
            return JWSAlgorithm.ES256.equals(algorithm);
        }
    }

    private static ECPublicKey publicKey(ECKey key) {
        return convert(key, ECKey::toECPublicKey);
    }

    private static ECPrivateKey privateKey(ECKey key) {
        return convert(key, ECKey::toECPrivateKey);
    }

    private interface KeyConversion<T> {
        T apply(ECKey key) throws JOSEException;
    }

    private static <T> T convert(ECKey key, KeyConversion<T> conversion) {
        try {
            return conversion.apply(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("AEGIS_JWT_SIGNING_KEYS: a key cannot be used for ES256", e);
        }
    }
}
