package com.aegisspeed.common.token;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.JsonWebTokenParser;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Wraps micronaut-security-jwt's token parser: a token whose signature {@link VerifiedSignatures} verified and still
 * trusts is handed to the library's validator as it was parsed then, instead of decoding its header and claims again
 * on every request. Any other token goes to the library's parser unchanged, and nothing it parses is kept.
 */
@Singleton
public class RememberedTokenParser implements BeanCreatedEventListener<JsonWebTokenParser<JWT>> {

    private final VerifiedSignatures signatures;

    public RememberedTokenParser(VerifiedSignatures signatures) {
        this.signatures = signatures;
    }

    @Override
    public JsonWebTokenParser<JWT> onCreated(BeanCreatedEvent<JsonWebTokenParser<JWT>> event) {
        JsonWebTokenParser<JWT> library = event.getBean();
        return new JsonWebTokenParser<>() {
            @Override
            public Optional<JWT> parse(String token) {
                SignedJWT remembered = signatures.remembered(token);
                return remembered != null ? Optional.of(remembered) : library.parse(token);
            }

            @Override
            public Optional<Claims> parseClaims(String token) {
                return library.parseClaims(token);
            }
        };
    }
}
