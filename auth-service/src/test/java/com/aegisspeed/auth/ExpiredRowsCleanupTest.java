package com.aegisspeed.auth;

import com.aegisspeed.auth.housekeeping.ExpiredRowsCleanup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rows that can no longer matter are deleted; rows that still matter are kept. */
@ExtendWith(RealUserService.class)
class ExpiredRowsCleanupTest {

    @Test
    void expiredRevocationsSecretsAndQuietCountersGoTheRestStays(RealUserService.Running users) throws Exception {
        try (AuthHarness harness = AuthHarness.start(users)) {
            ExpiredRowsCleanup cleanup = harness.service.context().getBean(ExpiredRowsCleanup.class);
            assertEquals(200, harness.post("/user/login_admin_info/verify/get_secret_admin_password", harness.adminToken(),
                    "{\"user_password\":\"" + RealUserService.ADMIN_PASSWORD + "\"}").status());
            assertEquals(200, harness.logout(harness.adminToken()).status());
            assertEquals(401, harness.login(RealUserService.ADMIN_ID_NUMBER, "wrong-password").status());

            cleanup.deleteExpiredRows();
            // The admin's wrong password is counted on three budgets: its account from this address, its account
            // from every address, and the address.
            assertEquals(List.of(1L, 1L, 3L), counts(harness));

            harness.clock.advance(Duration.ofDays(7).plusSeconds(1));
            cleanup.deleteExpiredRows();
            assertEquals(List.of(0L, 0L, 0L), counts(harness));
        }
    }

    private static List<Long> counts(AuthHarness harness) throws Exception {
        return List.of(count(harness, "revocations"), count(harness, "admin_secrets"), count(harness, "login_failures"));
    }

    private static long count(AuthHarness harness, String table) throws Exception {
        return ((Number) harness.query("SELECT COUNT(*) FROM " + table).get(0).get(0)).longValue();
    }
}
