package com.aegisspeed.common.internal;

import com.aegisspeed.common.envelope.Overloaded;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.time.Duration;
import java.util.Optional;

/**
 * One blocking call to another service's internal API, its answer unwrapped from the envelope. Statuses the
 * caller expects come back as {@link Answer}; a dependency too busy to take the call (429) is passed on to the
 * caller's client as {@link Overloaded}, with the dependency's {@code Retry-After}; anything else, or no answer
 * at all, is a {@link DependencyUnavailableException}. Call from blocking code only (controllers on the IO pool).
 */
public final class InternalCalls {

    private InternalCalls() {
    }

    public record Answer<T>(HttpStatus status, String code, String result, Optional<T> data) {
    }

    public static <T> Answer<T> exchange(HttpClient client, String service, HttpRequest<?> request, Class<T> dataType) {
        Argument<InternalReply<T>> replyType = InternalReply.typeOf(dataType);
        try {
            var response = client.toBlocking().exchange(request, replyType);
            return answerOf(response.status(), response.getBody(replyType));
        } catch (HttpClientResponseException e) {
            if (e.getStatus() == HttpStatus.TOO_MANY_REQUESTS) {
                throw new Overloaded(retryAfter(e));
            }
            if (e.getStatus().getCode() >= 500) {
                throw new DependencyUnavailableException(service, "answered HTTP " + e.getStatus().getCode());
            }
            return answerOf(e.getStatus(), e.getResponse().getBody(replyType));
        } catch (HttpClientException e) {
            throw new DependencyUnavailableException(service, "unreachable: " + e.getMessage());
        }
    }

    private static Duration retryAfter(HttpClientResponseException e) {
        return e.getResponse().getHeaders().get(HttpHeaders.RETRY_AFTER, Long.class)
                .filter(seconds -> seconds > 0)
                .map(Duration::ofSeconds)
                .orElse(Duration.ofSeconds(1));
    }

    private static <T> Answer<T> answerOf(HttpStatus status, Optional<InternalReply<T>> body) {
        return body.map(reply -> new Answer<>(status, reply.code(), reply.result(), Optional.ofNullable(reply.data())))
                .orElseGet(() -> new Answer<>(status, "", "", Optional.empty()));
    }

    public static <T> T require(Answer<T> answer, String service) {
        boolean success = answer.status().getCode() >= 200 && answer.status().getCode() < 300;
        if (!success || answer.data().isEmpty()) {
            throw new DependencyUnavailableException(service, "answered HTTP " + answer.status().getCode()
                    + " code " + answer.code());
        }
        return answer.data().get();
    }
}
