package com.aegisspeed.common.token;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Lets a controller method declare a {@link VerifiedToken} parameter: the request's bearer token, verified.
 * A request without a valid one never reaches the method (see {@link TokenErrorHandlers}).
 */
@Singleton
public class VerifiedTokenBinder implements TypedRequestArgumentBinder<VerifiedToken> {

    private final TokenVerifier verifier;

    public VerifiedTokenBinder(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Argument<VerifiedToken> argumentType() {
        return Argument.of(VerifiedToken.class);
    }

    @Override
    public BindingResult<VerifiedToken> bind(ArgumentConversionContext<VerifiedToken> context, HttpRequest<?> source) {
        VerifiedToken token = verifier.verify(source.getHeaders().getAuthorization().orElse(null));
        return () -> Optional.of(token);
    }
}
