package com.aegisspeed.auth;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.TestHttp;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /user/register/register_user_info} against the real user-service. */
@ExtendWith(RealUserService.class)
class RegisterTest {

    private static final String PATH = "/user/register/register_user_info";
    private static AuthHarness harness;

    @BeforeAll
    static void start(RealUserService.Running users) {
        harness = AuthHarness.start(users);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void aValidRegistrationAnswersA7DayTokenTheMaskedIdNumberAndTheName() throws Exception {
        Map<String, Object> fields = harness.newUserFields();
        TestHttp.Reply reply = harness.register(fields);

        Map<String, Object> envelope = reply.envelope();
        assertEquals(200, reply.status(), reply.body());
        assertEquals("10000", envelope.get("code"));
        assertEquals("注册成功", envelope.get("result"));
        String idNumber = (String) fields.get("user_id");
        assertEquals(Map.of("user_id", idNumber.substring(0, 3) + "*".repeat(11) + idNumber.substring(14),
                "user_name", "李四"), envelope.get("data"));

        SignedJWT jwt = SignedJWT.parse((String) envelope.get("token"));
        assertEquals("ES256", jwt.getHeader().getAlgorithm().getName());
        assertEquals(harness.signingKey.getKeyID(), jwt.getHeader().getKeyID());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals("aegisspeed-auth", claims.getIssuer());
        assertEquals(List.of("aegisspeed"), claims.getAudience());
        assertEquals(604_800, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
        assertTrue(claims.getSubject().matches("[0-9a-f-]{36}"), claims.getSubject());
        assertNotEquals(idNumber, claims.getSubject());
        assertTrue(claims.getStringClaim("aegisspeed_id").matches("ASD[0-9]{6}"));
        assertEquals(List.of("用户"), claims.getStringListClaim("roles"));
        assertTrue(claims.getJWTID().matches("[0-9a-f-]{36}"));

        TestHttp.Reply login = harness.login(idNumber, fields.get("user_password"));
        assertEquals(200, login.status(), login.body());
    }

    @Test
    void invalidFieldsAnswer400WithTheirCodeInTheDocumentedOrder() {
        Map<String, List<Object>> invalidValues = Map.of(
                "user_id", List.of("", "11010519900101001", "110105199001010011", "990105199001010014"),
                "user_name", List.of("", "李", "张三3", "<script>", "a".repeat(65)),
                "user_phone_number", List.of("", "1381234567", "23812345678", "12812345678"),
                "user_email", List.of("", "no-at-sign", "a@b", "a@@example.com", "用户@example.com"),
                "user_password", List.of("", "short1!", "x".repeat(129), "password123", "Qwertyuiop"));
        Map<String, String> codes = Map.of("user_id", "10001", "user_name", "10002", "user_phone_number", "10003",
                "user_email", "10004", "user_password", "10010");
        invalidValues.forEach((field, values) -> {
            for (Object value : values) {
                Map<String, Object> fields = harness.newUserFields();
                fields.put(field, value);
                EnvelopeAssertions.assertTokenErrorEnvelope(harness.register(fields), 400, codes.get(field));
            }
        });
        Map<String, Object> allBad = harness.newUserFields();
        allBad.replaceAll((field, value) -> "");
        EnvelopeAssertions.assertTokenErrorEnvelope(harness.register(allBad), 400, "10001");
        Map<String, Object> badFromName = harness.newUserFields();
        badFromName.put("user_name", "");
        badFromName.put("user_email", "");
        EnvelopeAssertions.assertTokenErrorEnvelope(harness.register(badFromName), 400, "10002");
    }

    @Test
    void namesOfOtherScriptsAndTransliteratedNamesAreAccepted() {
        for (String name : new String[] {"阿卜杜·热合曼", "欧阳娜娜", "Anna Müller", "O'Brien"}) {
            Map<String, Object> fields = harness.newUserFields();
            fields.put("user_name", name);
            TestHttp.Reply reply = harness.register(fields);
            assertEquals(200, reply.status(), name + ": " + reply.body());
        }
    }

    @Test
    void aTakenIdNumberPhoneOrEmailAnswers409WithItsCode() {
        Map<String, Object> existing = harness.registeredUser();
        Map<String, String> codes = Map.of("user_id", "10005", "user_phone_number", "10006", "user_email", "10007");
        codes.forEach((field, code) -> {
            Map<String, Object> clash = harness.newUserFields();
            clash.put(field, existing.get(field));
            EnvelopeAssertions.assertTokenErrorEnvelope(harness.register(clash), 409, code);
        });
        Map<String, Object> sameEmailOtherCase = harness.newUserFields();
        sameEmailOtherCase.put("user_email", ((String) existing.get("user_email")).toUpperCase());
        EnvelopeAssertions.assertTokenErrorEnvelope(harness.register(sameEmailOtherCase), 409, "10007");
    }

    @Test
    void aMissingFieldIsAMalformedRequest() {
        Map<String, Object> fields = harness.newUserFields();
        fields.remove("user_password");
        EnvelopeAssertions.assertTokenErrorEnvelope(harness.register(fields), 400, "00005");
    }

    @Test
    void whenClosedForMaintenanceItAnswers403Code10008(RealUserService.Running users) {
        try (AuthHarness closed = AuthHarness.start(users, Map.of("aegis.maintenance.closed-endpoints", PATH))) {
            EnvelopeAssertions.assertTokenErrorEnvelope(closed.register(closed.newUserFields()), 403, "10008");
        }
    }
}
