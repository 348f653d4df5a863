package com.aegisspeed.system;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Tokens as an attacker crafts them, and valid ones. The suite's auth-service signs with {@link #signingKey}
 * ({@code AEGIS_JWT_SIGNING_KEYS}), so the tests can also sign tokens that are perfectly signed but wrong in
 * their claims (expired, not yet valid, another issuer or audience, claims missing), which is what a leaked or
 * replayed token looks like to the verifiers.
 */
final class AttackTokens {

    static final String ISSUER = "aegisspeed-auth";
    static final String AUDIENCE = "aegisspeed";
    private static final Duration LIFETIME = Duration.ofDays(7);

    private final ECKey signingKey = newKey("suite-" + UUID.randomUUID());
    private final ECKey foreignKey = newKey(signingKey.getKeyID());

    /** The JWK Set (private) auth-service is started with. */
    String signingKeysEnvironment() {
        return new JWKSet(signingKey).toString(false);
    }

    String keyId() {
        return signingKey.getKeyID();
    }

    /** Who a token speaks for: the user's public id ({@code sub}), AegisSpeed ID and role labels. */
    record Holder(String publicId, String aegisSpeedId, List<String> roles) {
    }

    /** The claims of a valid token issued now, as auth-service issues them (docs/internal-api.md). */
    JWTClaimsSet.Builder claims(Holder holder) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject(holder.publicId())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .claim("aegisspeed_id", holder.aegisSpeedId())
                .claim("roles", holder.roles());
    }

    /** A valid token, signed as auth-service signs. */
    String valid(Holder holder) {
        return sign(claims(holder).build());
    }

    String sign(JWTClaimsSet claims) {
        return signWith(signingKey, claims);
    }

    /**
     * Every forged or unacceptable token for {@code holder}, by name; {@code publicKeyBytes} are the forms of the
     * published key an attacker would feed an HMAC ({@code alg} confusion), {@code real} a valid token to tamper with.
     */
    Map<String, String> attacks(Holder holder, Map<String, byte[]> publicKeyBytes, String real) {
        Instant now = Instant.now();
        Map<String, String> attacks = new LinkedHashMap<>();
        String[] parts = real.split("\\.");
        String payload = parts[1];

        attacks.put("alg none, no signature", unsigned("{\"alg\":\"none\",\"typ\":\"JWT\"}", payload, ""));
        attacks.put("alg none with the real kid and signature",
                unsigned("{\"alg\":\"none\",\"kid\":\"" + keyId() + "\"}", payload, parts[2]));
        attacks.put("alg NONE (case)", unsigned("{\"alg\":\"NONE\",\"kid\":\"" + keyId() + "\"}", payload, ""));
        publicKeyBytes.forEach((form, secret) ->
                attacks.put("HS256 keyed with the public key (" + form + ")", hmac(secret, claims(holder).build())));
        attacks.put("RS256 header on the EC key", reheader("{\"alg\":\"RS256\",\"kid\":\"" + keyId() + "\"}", real));
        attacks.put("ES512 header", reheader("{\"alg\":\"ES512\",\"kid\":\"" + keyId() + "\"}", real));
        attacks.put("no kid", reheader("{\"alg\":\"ES256\"}", real));
        attacks.put("unknown kid", reheader("{\"alg\":\"ES256\",\"kid\":\"" + UUID.randomUUID() + "\"}", real));
        attacks.put("kid path traversal", reheader("{\"alg\":\"ES256\",\"kid\":\"../../../../dev/null\"}", real));
        attacks.put("jku pointing elsewhere", reheader("{\"alg\":\"ES256\",\"kid\":\"" + keyId()
                + "\",\"jku\":\"http://127.0.0.1:9/jwks.json\"}", real));
        attacks.put("foreign key under the real kid", signWith(foreignKey, claims(holder).build()));
        attacks.put("foreign key embedded as jwk header", embeddedJwk(claims(holder).build()));
        attacks.put("expired", sign(claims(holder).issueTime(Date.from(now.minus(Duration.ofDays(8))))
                .expirationTime(Date.from(now.minusSeconds(60))).build()));
        attacks.put("not yet valid (nbf in an hour)", sign(claims(holder).notBeforeTime(Date.from(now.plus(Duration.ofHours(1)))).build()));
        attacks.put("wrong issuer", sign(claims(holder).issuer("https://evil.example").build()));
        attacks.put("wrong audience", sign(claims(holder).audience("someone-else").build()));
        attacks.put("no audience", sign(claims(holder).audience((String) null).build()));
        for (String claim : List.of("sub", "jti", "exp", "iat", "iss", "aegisspeed_id", "roles")) {
            attacks.put("claim " + claim + " missing", sign(without(claims(holder).build(), claim)));
        }
        attacks.put("roles not a list", sign(claims(holder).claim("roles", "超级管理员").build()));
        attacks.put("exp a string", sign(withRaw(claims(holder).build(), c -> c.claim("exp", "never"))));
        attacks.put("truncated signature", real.substring(0, real.length() - 10));
        attacks.put("signature removed", parts[0] + "." + parts[1] + ".");
        attacks.put("garbled signature", parts[0] + "." + parts[1] + "." + garble(parts[2]));
        attacks.put("zero signature (r = s = 0)", parts[0] + "." + parts[1] + "." + Base64URL.encode(new byte[64]));
        attacks.put("payload of another token", parts[0] + "."
                + sign(claims(holder).claim("roles", List.of("超级管理员")).build()).split("\\.")[1] + "." + parts[2]);
        attacks.put("truncated token", real.substring(0, real.length() / 2));
        attacks.put("extra segment", real + ".AAAA");
        attacks.put("not base64", "!!!." + parts[1] + "." + parts[2]);
        attacks.put("empty", "");
        return attacks;
    }

    private static String unsigned(String header, String payload, String signature) {
        return Base64URL.encode(header.getBytes(StandardCharsets.UTF_8)) + "." + payload + "." + signature;
    }

    /** The real payload and signature under another header: what a verifier trusting the header would accept. */
    private static String reheader(String header, String real) {
        String[] parts = real.split("\\.");
        return Base64URL.encode(header.getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + "." + parts[2];
    }

    private String hmac(byte[] secret, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keyId())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String embeddedJwk(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId())
                    .jwk(foreignKey.toPublicJWK()).build(), claims);
            jwt.sign(new ECDSASigner(foreignKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet without(JWTClaimsSet claims, String name) {
        return withRaw(claims, builder -> builder.claim(name, null));
    }

    private static JWTClaimsSet withRaw(JWTClaimsSet claims, UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(new JWTClaimsSet.Builder(claims)).build();
    }

    private static String garble(String signature) {
        char[] chars = signature.toCharArray();
        for (int i = 0; i < chars.length; i += 7) {
            chars[i] = chars[i] == 'A' ? 'B' : 'A';
        }
        return new String(chars);
    }

    private static String signWith(ECKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey newKey(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
