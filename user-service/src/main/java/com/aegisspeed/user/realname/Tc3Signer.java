package com.aegisspeed.user.realname;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Tencent Cloud API 3.0 request signing (TC3-HMAC-SHA256), for a JSON POST to the service's root path that signs
 * the content type, the host and the action: a canonical request, hashed into a string to sign, signed with a key
 * derived from the secret key through the date, the service and {@code tc3_request}.
 */
final class Tc3Signer {

    static final String ALGORITHM = "TC3-HMAC-SHA256";
    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final String SIGNED_HEADERS = "content-type;host;x-tc-action";

    private Tc3Signer() {
    }

    /** The {@code Authorization} header value for {@code payload} sent at {@code timestamp} (seconds, UTC). */
    static String authorization(String secretId, String secretKey, String service, String host, String action,
                                long timestamp, String payload) {
        String date = Instant.ofEpochSecond(timestamp).atZone(ZoneOffset.UTC).toLocalDate().toString();
        String scope = date + "/" + service + "/tc3_request";
        String stringToSign = ALGORITHM + "\n" + timestamp + "\n" + scope + "\n"
                + sha256Hex(canonicalRequest(host, action, payload));
        byte[] key = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, service);
        key = hmac(key, "tc3_request");
        return ALGORITHM + " Credential=" + secretId + "/" + scope + ", SignedHeaders=" + SIGNED_HEADERS
                + ", Signature=" + HexFormat.of().formatHex(hmac(key, stringToSign));
    }

    static String canonicalRequest(String host, String action, String payload) {
        return "POST\n/\n\n"
                + "content-type:" + CONTENT_TYPE + "\nhost:" + host + "\nx-tc-action:" + action.toLowerCase(Locale.ROOT) + "\n\n"
                + SIGNED_HEADERS + "\n"
                + sha256Hex(payload);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
