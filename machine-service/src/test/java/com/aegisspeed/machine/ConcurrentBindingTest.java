package com.aegisspeed.machine;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.common.internal.InternalUser;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static com.aegisspeed.machine.MachineServiceHarness.BY_AEGISSPEED_ID;
import static com.aegisspeed.machine.MachineServiceHarness.byAegisSpeedId;
import static com.aegisspeed.machine.MachineServiceHarness.newMachineCode;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertStandardEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A machine code binds to one user even when many users bind it at the same moment. */
class ConcurrentBindingTest {

    private static final int USERS = 24;

    @Test
    void parallelBindsOfOneCodeToDifferentUsersLetExactlyOneWin() throws Exception {
        try (MachineServiceHarness harness = MachineServiceHarness.start()) {
            String code = newMachineCode();
            List<InternalUser> users = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                InternalUser user = harness.users.addUser(Role.USER);
                users.add(user);
                tokens.add(harness.authority.tokenFor(user.publicId(), user.aegisSpeedId(), Role.USER));
            }
            // Load the revocation feed first, so no request waits on it and all of them race for the key.
            harness.post(BY_AEGISSPEED_ID, tokens.get(0), byAegisSpeedId(users.get(0).aegisSpeedId(), newMachineCode()));

            ExecutorService pool = Executors.newFixedThreadPool(USERS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<TestHttp.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                int n = i;
                replies.add(pool.submit(() -> {
                    go.await();
                    return harness.post(BY_AEGISSPEED_ID, tokens.get(n), byAegisSpeedId(users.get(n).aegisSpeedId(), code));
                }));
            }
            go.countDown();
            List<TestHttp.Reply> answers = new ArrayList<>();
            for (Future<TestHttp.Reply> reply : replies) {
                answers.add(reply.get(60, TimeUnit.SECONDS));
            }
            pool.shutdown();

            Map<String, Long> codes = answers.stream()
                    .collect(Collectors.groupingBy(reply -> reply.status() + "/" + reply.envelope().get("code"), Collectors.counting()));
            assertEquals(Map.of("200/" + Codes.SUCCESS, 1L, "409/10004", (long) USERS - 1), codes);

            String winner = (String) answers.stream().filter(reply -> reply.status() == 200).findFirst().orElseThrow()
                    .data().get("user_AegisSpeed_id");
            TestHttp.Reply owner = harness.getInternal("/internal/machines/" + code, true);
            assertStandardEnvelope(owner, 200, Codes.SUCCESS);
            String ownerPublicId = users.stream().filter(u -> u.aegisSpeedId().equals(winner)).findFirst().orElseThrow().publicId();
            assertEquals(ownerPublicId, owner.data().get("owner_public_id"));
        }
    }
}
