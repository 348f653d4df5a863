package com.aegisspeed.user.realname;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two-element check of Tencent Cloud's identity verification ({@code IdCardVerification}, API version
 * 2018-03-01): the ID number and name, signed with TC3-HMAC-SHA256; its {@code Result} says whether they belong
 * together. Only the result code and Tencent's request id are logged, never the ID number or the name.
 */
@Singleton
@Requires(property = "aegis.real-name.provider", value = "tencent-cloud")
public class TencentCloudVerifier implements IdentityVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(TencentCloudVerifier.class);
    static final String SERVICE = "faceid";
    static final String ACTION = "IdCardVerification";
    static final String VERSION = "2018-03-01";

    private final TencentCloudConfiguration configuration;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;

    public TencentCloudVerifier(TencentCloudConfiguration configuration, JsonMapper json, Clock clock) {
        if (configuration.secretId().isBlank() || configuration.secretKey().isBlank()) {
            throw new IllegalStateException("aegis.real-name.provider=tencent-cloud needs AEGIS_REAL_NAME_TENCENT_CLOUD_SECRET_ID"
                    + " and AEGIS_REAL_NAME_TENCENT_CLOUD_SECRET_KEY");
        }
        this.configuration = configuration;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(configuration.timeout()).build();
    }

    @Override
    public Verdict verify(String idNumber, String name) {
        String payload = payload(idNumber, name);
        long timestamp = clock.instant().getEpochSecond();
        String host = configuration.endpoint().getHost()
                + (configuration.endpoint().getPort() == -1 ? "" : ":" + configuration.endpoint().getPort());
        HttpRequest request = HttpRequest.newBuilder(configuration.endpoint().resolve("/"))
                .timeout(configuration.timeout())
                .header("Content-Type", Tc3Signer.CONTENT_TYPE)
                .header("X-TC-Action", ACTION)
                .header("X-TC-Version", VERSION)
                .header("X-TC-Timestamp", String.valueOf(timestamp))
                .header("Authorization", Tc3Signer.authorization(configuration.secretId(), configuration.secretKey(),
                        SERVICE, host, ACTION, timestamp, payload))
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IdentityProviderUnavailableException("identity verification unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityProviderUnavailableException("interrupted");
        }
        return verdictOf(response);
    }

    private String payload(String idNumber, String name) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("IdCard", idNumber);
        body.put("Name", name);
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Verdict verdictOf(HttpResponse<String> response) {
        Map<String, Object> answer;
        try {
            Map<String, Object> envelope = json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
            answer = envelope.get("Response") instanceof Map<?, ?> inner ? cast(inner) : Map.of();
        } catch (IOException | RuntimeException e) {
            throw new IdentityProviderUnavailableException("identity verification answered HTTP " + response.statusCode()
                    + " without a readable body");
        }
        Object requestId = answer.get("RequestId");
        if (answer.get("Error") instanceof Map<?, ?> error) {
            LOG.warn("Identity verification refused the request {}: {}", requestId, error.get("Code"));
            throw new IdentityProviderUnavailableException("identity verification error " + error.get("Code"));
        }
        String result = String.valueOf(answer.get("Result"));
        LOG.info("Identity verification {} answered result {}", requestId, result);
        return switch (result) {
            case "0" -> Verdict.MATCH;
            case "-1" -> Verdict.MISMATCH;
            case "-2" -> Verdict.INVALID_ID_NUMBER;
            case "-3" -> Verdict.INVALID_NAME;
            case "-5" -> Verdict.NO_RECORD;
            // -4 and -6: the authority's database is failing or being upgraded; -7: the daily quota is spent.
            default -> throw new IdentityProviderUnavailableException("identity verification result " + result);
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
