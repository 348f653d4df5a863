package com.aegisspeed.auth.adminsecret;

import com.aegisspeed.common.db.Database;
import com.aegisspeed.common.db.DuplicateKey;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Dynamic admin secrets (docs/contract.md): valid 10 minutes, bound to the token they were issued for (its
 * {@code jti}); a new one replaces the previous one of the same token. Only a SHA-256 of the secret is stored:
 * the secret is 256 random bits, so a fast hash is enough and a database leak reveals no usable secret.
 */
@Singleton
public class AdminSecrets {

    public static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final int SECRET_BYTES = 32;

    private final Database database;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public AdminSecrets(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A new secret for the token {@code jti}; replaces the one issued before for it. */
    public String issue(String jti) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        LocalDateTime expiresAt = LocalDateTime.ofInstant(
                clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(LIFETIME), ZoneOffset.UTC);
        String hash = sha256(secret);
        database.withConnection(connection -> {
            if (replace(connection, jti, hash, expiresAt) == 1) {
                return 1;
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO admin_secrets (token_jti, secret_hash, expires_at) VALUES (?, ?, ?)")) {
                insert.setString(1, jti);
                insert.setString(2, hash);
                insert.setObject(3, expiresAt);
                return insert.executeUpdate();
            } catch (SQLException e) {
                if (!DuplicateKey.isCauseOf(e)) {
                    throw e;
                }
                // A concurrent request for the same token inserted its row first.
                return replace(connection, jti, hash, expiresAt);
            }
        });
        return secret;
    }

    private static int replace(Connection connection, String jti, String hash, LocalDateTime expiresAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE admin_secrets SET secret_hash = ?, expires_at = ? WHERE token_jti = ?")) {
            update.setString(1, hash);
            update.setObject(2, expiresAt);
            update.setString(3, jti);
            return update.executeUpdate();
        }
    }

    /** Whether {@code secret} is the unexpired one issued for {@code jti}. */
    public boolean isValid(String secret, String jti) {
        Instant now = clock.instant();
        return database.withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT secret_hash, expires_at FROM admin_secrets WHERE token_jti = ?")) {
                query.setString(1, jti);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return false;
                    }
                    boolean matches = MessageDigest.isEqual(row.getString(1).getBytes(StandardCharsets.US_ASCII),
                            sha256(secret).getBytes(StandardCharsets.US_ASCII));
                    return matches && now.isBefore(row.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC));
                }
            }
        });
    }

    /** Drops the secret of a token that is being revoked. */
    public void forget(String jti) {
        database.withConnection(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM admin_secrets WHERE token_jti = ?")) {
                delete.setString(1, jti);
                return delete.executeUpdate();
            }
        });
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
