package com.aegisspeed.machine;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.identity.IdNumbers;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.common.internal.InternalUser;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.Set;

import static com.aegisspeed.machine.MachineServiceHarness.AVAILABILITY;
import static com.aegisspeed.machine.MachineServiceHarness.BY_ID_NUMBER;
import static com.aegisspeed.machine.MachineServiceHarness.byIdNumber;
import static com.aegisspeed.machine.MachineServiceHarness.newMachineCode;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertAvailabilityErrorEnvelope;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertStandardEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code verify_is_machine_code_available} (docs/api-machine-anticheat.md): every documented case. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MachineCodeAvailabilityTest {

    private MachineServiceHarness harness;
    private InternalUser owner;
    private String boundCode;

    @BeforeAll
    void start() {
        harness = MachineServiceHarness.start();
        owner = harness.users.addUser(Role.USER);
        boundCode = newMachineCode();
        String token = harness.authority.tokenFor(owner.publicId(), owner.aegisSpeedId(), Role.USER);
        assertStandardEnvelope(harness.post(BY_ID_NUMBER, token, byIdNumber(owner.idNumber(), boundCode)), 200, Codes.SUCCESS);
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    @Test
    void anUnboundCodeAnswers10000False() {
        assertAvailability(check(owner.idNumber(), newMachineCode()), 200, Codes.SUCCESS, "Machine code not bound", false);
    }

    @Test
    void aCodeBoundToThisUserAnswers10002True() {
        assertAvailability(check(owner.idNumber(), boundCode), 200, "10002", "Machine code already bound to this user", true);
    }

    @Test
    void aCodeBoundToAnotherUserAnswers10003True() {
        InternalUser other = harness.users.addUser(Role.USER);
        assertAvailability(check(other.idNumber(), boundCode), 200, "10003", "Machine code already bound", true);
    }

    @Test
    void aCodeBoundWhileTheIdNumberBelongsToNobodyAnswers10003True() {
        String unregistered = "11010119900307" + "123";
        unregistered += IdNumbers.checkCharacter(unregistered);
        assertAvailability(check(unregistered, boundCode), 200, "10003", "Machine code already bound", true);
    }

    @Test
    void anInvalidIdNumberAnswers400With10002False() {
        assertAvailability(check("110101199003071234", boundCode), 400, "10002", "Invalid user ID format", false);
        assertAvailability(check("abc", boundCode), 400, "10002", "Invalid user ID format", false);
    }

    @Test
    void anInvalidMachineCodeAnswers400With10002False() {
        assertAvailability(check(owner.idNumber(), "short"), 400, "10002", "Invalid machine code format", false);
        assertAvailability(check(owner.idNumber(), boundCode + "!"), 400, "10002", "Invalid machine code format", false);
    }

    @Test
    void aMissingFieldIsAMalformedRequestInTheAvailabilityEnvelope() {
        assertAvailabilityErrorEnvelope(harness.post(AVAILABILITY, null, Map.of("user_id", owner.idNumber())),
                400, Codes.MALFORMED_REQUEST);
    }

    @Test
    void userServiceDownAnswers500With10004WhenTheOwnerMustBeAsked() {
        harness.users.stop();
        try {
            assertAvailabilityErrorEnvelope(check(owner.idNumber(), boundCode), 500, "10004");
            // An unbound code needs no user: still answered.
            assertAvailability(check(owner.idNumber(), newMachineCode()), 200, Codes.SUCCESS, "Machine code not bound", false);
        } finally {
            harness.users.restart();
        }
    }

    private TestHttp.Reply check(String idNumber, String machineCode) {
        return harness.post(AVAILABILITY, null, Map.of("user_id", idNumber, "machine_code", machineCode));
    }

    private static void assertAvailability(TestHttp.Reply reply, int status, String code, String info, boolean bound) {
        assertEquals(status, reply.status(), reply.body());
        Map<String, Object> envelope = reply.envelope();
        assertEquals(Set.of("status", "code", "info", "result"), envelope.keySet(), reply.body());
        assertEquals(status, ((Number) envelope.get("status")).intValue());
        assertEquals(code, envelope.get("code"), reply.body());
        assertEquals(info, envelope.get("info"), reply.body());
        assertEquals(bound, envelope.get("result"), reply.body());
    }
}
