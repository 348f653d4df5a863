package com.aegisspeed.common.token;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Lets a controller method declare a {@link VerifiedToken} parameter: the token micronaut-security's filter
 * authenticated for this request. A method taking one is also {@code @Secured}; without an authenticated token
 * (an endpoint that forgot to say so) the request is refused as an invalid token, never served anonymously.
 */
@Singleton
public class VerifiedTokenBinder implements TypedRequestArgumentBinder<VerifiedToken> {

    @Override
    public Argument<VerifiedToken> argumentType() {
        return Argument.of(VerifiedToken.class);
    }

    @Override
    public BindingResult<VerifiedToken> bind(ArgumentConversionContext<VerifiedToken> context, HttpRequest<?> source) {
        VerifiedToken token = source.getUserPrincipal(Authentication.class)
                .flatMap(VerifiedToken::of)
                .orElseThrow(() -> new TokenRejectedException("no authenticated token"));
        return () -> Optional.of(token);
    }
}
