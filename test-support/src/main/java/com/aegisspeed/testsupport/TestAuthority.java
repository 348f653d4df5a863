package com.aegisspeed.testsupport;

import com.aegisspeed.common.identity.Role;
import com.aegisspeed.common.token.TokenClaims;
import com.aegisspeed.common.token.TokenLifetime;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for auth-service in other services' tests, speaking its protocol (docs/internal-api.md): publishes
 * a JWK Set, serves the revocation feed and admin-secret verification, records revoke-tokens calls and counted
 * password checks (the login guard: no wait unless a test sets one), and issues real ES256 tokens the way
 * auth-service does, or broken ones on purpose.
 */
public final class TestAuthority extends ProtocolStub {

    public static final String ISSUER = "aegisspeed-auth";
    public static final String AUDIENCE = "aegisspeed";

    private final ECKey key = newKey();
    private final ECKey foreignKey = newKey();
    private final Clock clock;
    private final List<Map<String, Object>> revocations = new CopyOnWriteArrayList<>();
    private final Map<String, String> adminSecretsByJti = new ConcurrentHashMap<>();
    private final List<String> revokeTokenCalls = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    private TestAuthority(Clock clock) {
        super("test-internal-" + UUID.randomUUID());
        this.clock = clock;
    }

    public static TestAuthority start() {
        return start(Clock.systemUTC());
    }

    /** Issues tokens at {@code clock}'s time, e.g. the service's own adjustable test clock. */
    public static TestAuthority start(Clock clock) {
        TestAuthority authority = new TestAuthority(clock);
        authority.startServer();
        return authority;
    }

    /** Points a service at this authority: auth URL, JWKS, the internal secret, a brisk revocation poll. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("micronaut.http.services.auth.url", uri().toString());
        properties.put("aegis.jwt.jwks-url", uri() + "/.well-known/jwks.json");
        properties.put("aegis.internal.secret", internalSecret());
        properties.put("aegis.jwt.revocation-poll-interval", "100ms");
        properties.put("aegis.jwt.key-refresh-min-interval", "1s");
        return properties;
    }

    // ---- tokens ----------------------------------------------------------------------------------------

    /** A valid 7-day token of the user, as auth-service would issue it. */
    public String tokenFor(String subject, String aegisSpeedId, Role... roles) {
        return sign(claims(subject, aegisSpeedId, roles).build());
    }

    /** The claims of a valid token issued now, to alter before signing. */
    public JWTClaimsSet.Builder claims(String subject, String aegisSpeedId, Role... roles) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(TokenLifetime.LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .claim(TokenClaims.AEGISSPEED_ID, aegisSpeedId)
                .claim(TokenClaims.ROLES, Arrays.stream(roles).map(Role::label).toList());
    }

    /** Signed with the published key. */
    public String sign(JWTClaimsSet claims) {
        return signWith(key, claims);
    }

    /** Signed with a key nobody published (under the published key's id, to reach the signature check). */
    public String signWithForeignKey(JWTClaimsSet claims) {
        return signWith(new ECKey.Builder(foreignKey).keyID(key.getKeyID()).build(), claims);
    }

    /** {@code alg: none}: no signature at all. */
    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(new PlainHeader(), claims).serialize();
    }

    public static JWTClaimsSet claimsOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    // ---- revocation and admin secrets ----------------------------------------------------------------

    /** Revokes one token, as logout does. */
    public void revoke(String token) {
        revokeWithSequence(sequence.incrementAndGet(), token);
    }

    /**
     * Takes the next feed number without publishing anything under it yet, as an insert that has not committed
     * does: entries numbered after it are readable first.
     */
    public long reserveSequence() {
        return sequence.incrementAndGet();
    }

    /** Revokes one token under a number taken earlier with {@link #reserveSequence()}: a late commit. */
    public void revokeWithSequence(long seq, String token) {
        JWTClaimsSet claims = claimsOf(token);
        addRevocation(seq, claims.getJWTID(), null, null, claims.getExpirationTime().toInstant().getEpochSecond());
    }

    /** Revokes every token of the user issued up to now, as a password change or ban does. */
    public void revokeAllOf(String subject) {
        long now = clock.instant().getEpochSecond();
        addRevocation(sequence.incrementAndGet(), null, subject, now, now + TokenLifetime.LIFETIME.toSeconds());
    }

    /** A dynamic admin secret bound to the token, as get_secret_admin_password issues it. */
    public String issueAdminSecret(String token) {
        String secret = UUID.randomUUID().toString().replace("-", "");
        adminSecretsByJti.put(claimsOf(token).getJWTID(), secret);
        return secret;
    }

    /** Whom {@code POST /internal/users/{publicId}/revoke-tokens} was called for, in order. */
    public List<String> revokeTokenCalls() {
        return List.copyOf(revokeTokenCalls);
    }

    // ---- protocol ------------------------------------------------------------------------------------

    @Override
    protected String publicDocument(String path) {
        return "/.well-known/jwks.json".equals(path) ? new JWKSet(key.toPublicJWK()).toString() : null;
    }

    @Override
    protected Answer answer(String method, String path, String query, Map<String, Object> body) {
        if ("GET".equals(method) && "/internal/revocations".equals(path)) {
            long after = query != null && query.startsWith("after=") ? Long.parseLong(query.substring(6)) : 0;
            List<Map<String, Object>> entries = new ArrayList<>();
            for (Map<String, Object> entry : revocations) {
                if ((long) entry.get("seq") > after) {
                    entries.add(entry);
                }
            }
            entries.sort(Comparator.comparingLong(entry -> (long) entry.get("seq")));
            long last = entries.isEmpty() ? after : (long) entries.get(entries.size() - 1).get("seq");
            return Answer.ok(Map.of("entries", entries, "last_seq", last));
        }
        if ("POST".equals(method) && "/internal/admin-secrets/verify".equals(path)) {
            String expected = adminSecretsByJti.get(String.valueOf(body.get("jti")));
            return Answer.ok(Map.of("valid", expected != null && expected.equals(body.get("admin_secret"))));
        }
        String[] parts = path.split("/");
        if ("POST".equals(method) && parts.length == 5 && path.startsWith("/internal/users/")
                && "revoke-tokens".equals(parts[4])) {
            revokeTokenCalls.add(parts[3]);
            long now = clock.instant().getEpochSecond();
            Map<String, Object> revoked = new LinkedHashMap<>(addRevocation(sequence.incrementAndGet(), null, parts[3],
                    now, now + TokenLifetime.LIFETIME.toSeconds()));
            revoked.remove("seq");
            return Answer.ok(revoked);
        }
        return new Answer(404, "00004", Map.of());
    }

    private Map<String, Object> addRevocation(long seq, String jti, String subject, Long revokedBefore, long expiresAt) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("seq", seq);
        entry.put("jti", jti);
        entry.put("subject", subject);
        entry.put("revoked_before", revokedBefore);
        entry.put("expires_at", expiresAt);
        revocations.add(entry);
        return entry;
    }

    private static String signWith(ECKey signingKey, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signingKey.getKeyID()).build(), claims);
            jwt.sign(new ECDSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
