package com.aegisspeed.user;

import com.aegisspeed.common.identity.Role;
import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.TestAuthority;
import com.aegisspeed.testsupport.TestHttp;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code GET /user/info/get_user_info}: the token's user, ID number, phone and e-mail masked (docs/contract.md). */
class UserInfoTest {

    private static final String PATH = "/user/info/get_user_info";
    private static UserServiceHarness harness;

    @BeforeAll
    static void start() {
        harness = UserServiceHarness.start();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void answersTheTokensUserMasked() {
        Map<String, Object> fields = harness.newUserFields();
        fields.put("user_email", "zhangsan@example.com");
        fields.put("user_phone_number", "13812348000");
        fields.put("user_id", "11010519491231002X");
        Map<String, Object> user = harness.createUser(fields);

        TestHttp.Reply reply = harness.get(PATH, harness.tokenOf(user));
        EnvelopeAssertions.assertStandardEnvelope(reply, 200, "10000");
        assertEquals(Map.of(
                "user_id", "110***********002X",
                "user_name", "张三",
                "user_AegisSpeed_id", user.get("user_AegisSpeed_id"),
                "user_phone_number", "138****8000",
                "user_email", "zha***@example.com",
                "user_role", "用户",
                "user_state", "active"), reply.data());
    }

    @Test
    void noTamperedExpiredOrForeignTokenGetsThrough() {
        Map<String, Object> user = harness.createUser();
        TestAuthority authority = harness.authority;
        JWTClaimsSet.Builder claims = authority.claims((String) user.get("public_id"),
                (String) user.get("user_AegisSpeed_id"), Role.USER);
        String valid = authority.sign(claims.build());
        List<String> refused = List.of(
                authority.signWithForeignKey(claims.build()),
                TestAuthority.unsigned(claims.build()),
                authority.sign(claims.expirationTime(Date.from(Instant.now().minusSeconds(1))).build()),
                authority.sign(authority.claims((String) user.get("public_id"), (String) user.get("user_AegisSpeed_id"),
                        Role.USER).audience("someone-else").build()),
                valid.substring(0, valid.length() - 4) + (valid.endsWith("AAAA") ? "BBBB" : "AAAA"),
                "not-a-token");
        for (String token : refused) {
            EnvelopeAssertions.assertErrorEnvelope(harness.get(PATH, token), 401, "10001");
        }
        EnvelopeAssertions.assertErrorEnvelope(harness.get(PATH, null), 401, "10001");
        assertEquals(200, harness.get(PATH, valid).status());
    }

    @Test
    void aRevokedTokenIsRefused() {
        Map<String, Object> user = harness.createUser();
        String token = harness.tokenOf(user);
        assertEquals(200, harness.get(PATH, token).status());
        harness.authority.revoke(token);
        UserServiceHarness.await(401, () -> harness.get(PATH, token).status());
        EnvelopeAssertions.assertErrorEnvelope(harness.get(PATH, token), 401, "10001");
    }

    @Test
    void aTokenOfNoExistingUserIsRefused() {
        String token = harness.authority.tokenFor("00000000-0000-0000-0000-000000000000", "ASD999996", Role.USER);
        EnvelopeAssertions.assertErrorEnvelope(harness.get(PATH, token), 401, "10001");
    }

    @Test
    void whenClosedForMaintenanceItAnswers403Code10002() {
        try (UserServiceHarness closed = UserServiceHarness.start(Map.of("aegis.maintenance.closed-endpoints", PATH))) {
            EnvelopeAssertions.assertErrorEnvelope(closed.get(PATH, closed.tokenOf(closed.bootstrapAdmin())), 403, "10002");
        }
    }
}
