package com.aegisspeed.auth;

import com.aegisspeed.common.db.Database;
import com.aegisspeed.testsupport.EnvelopeAssertions;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A failure whose account counter disappears while it is being counted (a successful login or the cleanup job,
 * on any replica, deleted it) is counted on a fresh counter, not answered with a server error.
 */
@ExtendWith(RealUserService.class)
class LoginCounterDeletedMeanwhileTest {

    private static final String SPEC = "LoginCounterDeletedMeanwhileTest";

    @Test
    void aCounterDeletedBeforeTheUpdateStartsOverAtOneFailure(RealUserService.Running users) throws SQLException {
        try (AuthHarness harness = AuthHarness.start(users, Map.of("spec.name", SPEC))) {
            Map<String, Object> user = harness.registeredUser();
            String subject = "account:" + user.get("user_id");
            for (int i = 0; i < 2; i++) {
                assertEquals(401, harness.login(user.get("user_id"), "wrong-password").status());
            }
            assertEquals(List.of(List.of(2)), failuresOf(harness, subject));

            harness.service.context().getBean(AccountCountersDeletedAtNextTransaction.class).arm();
            EnvelopeAssertions.assertTokenErrorEnvelope(harness.login(user.get("user_id"), "wrong-password"), 401, "10001");
            assertEquals(List.of(List.of(1)), failuresOf(harness, subject));
        }
    }

    private static List<List<Object>> failuresOf(AuthHarness harness, String subject) throws SQLException {
        return harness.query("SELECT failures FROM login_failures WHERE subject = '" + subject + "'");
    }

    /** Once armed, deletes every account counter just as the next transaction begins. */
    @Singleton
    @Replaces(Database.class)
    @Requires(property = "spec.name", value = SPEC)
    static class AccountCountersDeletedAtNextTransaction extends Database {

        private final AtomicBoolean armed = new AtomicBoolean();

        AccountCountersDeletedAtNextTransaction(DataSource dataSource) {
            super(dataSource);
        }

        void arm() {
            armed.set(true);
        }

        @Override
        public <T> T inTransaction(Work<T> work) {
            if (armed.getAndSet(false)) {
                withConnection(connection -> {
                    try (Statement delete = connection.createStatement()) {
                        return delete.executeUpdate("DELETE FROM login_failures WHERE subject LIKE 'account:%'");
                    }
                });
            }
            return super.inTransaction(work);
        }
    }
}
