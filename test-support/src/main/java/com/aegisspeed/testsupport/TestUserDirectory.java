package com.aegisspeed.testsupport;

import com.aegisspeed.common.identity.AegisSpeedIds;
import com.aegisspeed.common.identity.IdNumbers;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.common.internal.InternalUser;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for user-service in other services' tests, speaking its internal API for lookups and state
 * changes (docs/internal-api.md). Users are added by the test; state changes are recorded.
 */
public final class TestUserDirectory extends ProtocolStub {

    private static final String USERS = "/internal/users/";

    private final Map<String, InternalUser> usersByPublicId = new ConcurrentHashMap<>();
    private final List<String> stateChanges = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 900_000));

    private TestUserDirectory(String internalSecret) {
        super(internalSecret);
    }

    /** Accepts callers presenting {@code internalSecret} (use the same one as the {@link TestAuthority}). */
    public static TestUserDirectory start(String internalSecret) {
        TestUserDirectory directory = new TestUserDirectory(internalSecret);
        directory.startServer();
        return directory;
    }

    public Map<String, Object> properties() {
        return Map.of("micronaut.http.services.user.url", uri().toString());
    }

    /** A new active user with a valid, unique ID number, phone, e-mail and AegisSpeed ID. */
    public InternalUser addUser(Role role) {
        int n = sequence.incrementAndGet();
        String born = LocalDate.of(1950, 1, 1).plusDays(n % 20_000).format(DateTimeFormatter.BASIC_ISO_DATE);
        String first17 = "110101" + born + "%03d".formatted(n % 1000);
        String idNumber = first17 + IdNumbers.checkCharacter(first17);
        InternalUser user = new InternalUser(UUID.randomUUID().toString(), idNumber, "测试用户" + n,
                AegisSpeedIds.of(n), "139%08d".formatted(n), "user" + n + "@example.com", role.label(),
                InternalUser.ACTIVE);
        usersByPublicId.put(user.publicId(), user);
        return user;
    }

    public InternalUser user(String publicId) {
        return usersByPublicId.get(publicId);
    }

    /** {@code <publicId>:<state>} for every state change asked for, in order. */
    public List<String> stateChanges() {
        return List.copyOf(stateChanges);
    }

    @Override
    protected Answer answer(String method, String path, String query, Map<String, Object> body) {
        if (!path.startsWith(USERS)) {
            return new Answer(404, "00004", Map.of());
        }
        String[] parts = path.substring(USERS.length()).split("/");
        if ("GET".equals(method) && parts.length == 1) {
            return found(Optional.ofNullable(usersByPublicId.get(parts[0])));
        }
        if ("GET".equals(method) && parts.length == 2 && "by-id-number".equals(parts[0])) {
            return found(usersByPublicId.values().stream().filter(u -> u.idNumber().equals(parts[1])).findFirst());
        }
        if ("GET".equals(method) && parts.length == 2 && "by-aegisspeed-id".equals(parts[0])) {
            return found(usersByPublicId.values().stream().filter(u -> u.aegisSpeedId().equals(parts[1])).findFirst());
        }
        if ("PUT".equals(method) && parts.length == 2 && "state".equals(parts[1]) && usersByPublicId.containsKey(parts[0])) {
            String state = String.valueOf(body.get("user_state"));
            stateChanges.add(parts[0] + ":" + state);
            InternalUser changed = usersByPublicId.computeIfPresent(parts[0], (id, u) -> new InternalUser(u.publicId(),
                    u.idNumber(), u.name(), u.aegisSpeedId(), u.phoneNumber(), u.email(), u.role(), state));
            return found(Optional.of(changed));
        }
        return new Answer(404, "10002", Map.of());
    }

    private static Answer found(Optional<InternalUser> user) {
        return user.map(u -> Answer.ok(asMap(u))).orElseGet(() -> new Answer(404, "10002", Map.of()));
    }

    private static Map<String, Object> asMap(InternalUser user) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("public_id", user.publicId());
        map.put("user_id", user.idNumber());
        map.put("user_name", user.name());
        map.put("user_AegisSpeed_id", user.aegisSpeedId());
        map.put("user_phone_number", user.phoneNumber());
        map.put("user_email", user.email());
        map.put("user_role", user.role());
        map.put("user_state", user.state());
        return map;
    }
}
