package com.aegisspeed.auth;

import com.aegisspeed.auth.login.LoginCounters;
import com.aegisspeed.auth.login.LoginFailureRepository;
import com.aegisspeed.testsupport.EnvelopeAssertions;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

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

            harness.service.context().getBean(AccountCountersDeletedAtNextChange.class).arm();
            EnvelopeAssertions.assertTokenErrorEnvelope(harness.login(user.get("user_id"), "wrong-password"), 401, "10001");
            assertEquals(List.of(List.of(1)), failuresOf(harness, subject));
        }
    }

    private static List<List<Object>> failuresOf(AuthHarness harness, String subject) throws SQLException {
        return harness.query("SELECT failures FROM login_failures WHERE subject = '" + subject + "'");
    }

    /** Once armed, deletes every account counter (on a connection of its own) just as the next change begins. */
    @Singleton
    @Replaces(LoginCounters.class)
    @Requires(property = "spec.name", value = SPEC)
    static class AccountCountersDeletedAtNextChange extends LoginCounters {

        private final DataSource pool;
        private final AtomicBoolean armed = new AtomicBoolean();

        AccountCountersDeletedAtNextChange(LoginFailureRepository repository, DataSource dataSource) {
            super(repository);
            this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
        }

        void arm() {
            armed.set(true);
        }

        @Override
        public <R> R change(Collection<String> subjects, Instant now, Function<Map<String, Counter>, Change<R>> change) {
            if (armed.getAndSet(false)) {
                try (Connection connection = pool.getConnection(); Statement delete = connection.createStatement()) {
                    delete.executeUpdate("DELETE FROM login_failures WHERE subject LIKE 'account:%'");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            return super.change(subjects, now, change);
        }
    }
}
