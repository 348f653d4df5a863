// Prints a new private EC P-256 JWK (ES256) for AEGIS_JWT_SIGNING_KEYS, using nothing but the JDK:
//   java deploy/scripts/NewJwtSigningKey.java [kid]
// The kid defaults to "aegis-<UTC date>-<8 random hex digits>". deploy/README.md shows how to put the key
// into a JWK Set and rotate it. The output is a private key: write it to a file nobody else reads.
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

public class NewJwtSigningKey {

    private static final int COORDINATE_BYTES = 32;

    public static void main(String[] args) throws Exception {
        SecureRandom random = new SecureRandom();
        String kid = args.length > 0 ? args[0] : defaultKid(random);
        if (!kid.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("kid may contain only letters, digits, '.', '_' and '-': " + kid);
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair pair = generator.generateKeyPair();
        ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
        ECPrivateKey privateKey = (ECPrivateKey) pair.getPrivate();
        System.out.println("{\"kty\":\"EC\",\"crv\":\"P-256\",\"alg\":\"ES256\",\"use\":\"sig\""
                + ",\"kid\":\"" + kid + "\""
                + ",\"x\":\"" + base64Url(publicKey.getW().getAffineX()) + "\""
                + ",\"y\":\"" + base64Url(publicKey.getW().getAffineY()) + "\""
                + ",\"d\":\"" + base64Url(privateKey.getS()) + "\"}");
    }

    private static String defaultKid(SecureRandom random) {
        byte[] suffix = new byte[4];
        random.nextBytes(suffix);
        return "aegis-" + LocalDate.now(ZoneOffset.UTC) + "-" + HexFormat.of().formatHex(suffix);
    }

    /** RFC 7518 §6.2: coordinates and d are unsigned big-endian, exactly 32 bytes for P-256. */
    private static String base64Url(BigInteger value) {
        byte[] signed = value.toByteArray();
        byte[] unsigned = signed.length > COORDINATE_BYTES
                ? Arrays.copyOfRange(signed, signed.length - COORDINATE_BYTES, signed.length)
                : signed;
        byte[] padded = new byte[COORDINATE_BYTES];
        System.arraycopy(unsigned, 0, padded, COORDINATE_BYTES - unsigned.length, unsigned.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(padded);
    }
}
