package com.aegisspeed.system;

import com.aegisspeed.common.internal.InternalConfiguration;
import com.aegisspeed.testsupport.TestHttp;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The people the hostile-input tests act as, set up through the public API where a client would (registration,
 * binding, reports, the operator's admin secret) and through user-service's internal API where no public path
 * exists (extra admins, looking up a user's public id to sign tokens for it).
 */
final class HostileFixture {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    final HostileSuite suite;
    final Clients clients;

    HostileFixture(HostileSuite suite) {
        this.suite = suite;
        this.clients = new Clients(suite.gateway());
    }

    /** A registered user, with a real token from registration and what a token of theirs carries. */
    record Player(Clients.Person person, AttackTokens.Holder holder, String token) {
    }

    /** A player with a machine bound and one {@code Failed} check reported (a cheating record) under {@code launchCode}. */
    record Equipped(Player player, String machineCode, String launchCode) {
    }

    /** An admin with a token and the dynamic admin secret issued for it. */
    record Operator(AttackTokens.Holder holder, String token, String secret) {
    }

    /** A fresh client address, so neither the gateway's rate limits nor auth-service's address lockout add up. */
    static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    Player register() {
        Clients.Person person = Clients.Person.fresh();
        TestHttp.Reply reply = clients.register(person);
        assertEquals(200, reply.status(), reply.body());
        return new Player(person, holderOf(person.idNumber()), reply.envelope().get("token").toString());
    }

    Equipped equipped() {
        Player player = register();
        String machine = Clients.machineCode();
        TestHttp.Reply bound = clients.bindMachine(player.token(), player.person().idNumber(), machine);
        assertEquals(200, bound.status(), bound.body());
        String launchCode = "HOSTILE-" + UUID.randomUUID();
        TestHttp.Reply reported = clients.reportCheck(player.token(), launchCode, machine, "Failed");
        assertEquals(200, reported.status(), reported.body());
        return new Equipped(player, machine, launchCode);
    }

    /** The bootstrap super-admin, logged in as an operator would ({@link Clients#operatorSession()}). */
    Operator operator() {
        String[] session = clients.operatorSession();
        return new Operator(holderOf(Suite.ADMIN_ID_NUMBER), session[0], session[1]);
    }

    /** A new user with role {@code role} (e.g. {@code 管理员}), created as auth-service creates users. */
    Player createWithRole(String role) {
        Clients.Person person = Clients.Person.fresh();
        TestHttp.Reply reply = internal("POST", "/internal/users", TestHttp.json(Map.of(
                "user_id", person.idNumber(), "user_name", person.name(), "user_phone_number", person.phone(),
                "user_email", person.email(), "user_password", person.password(), "user_role", role)));
        assertEquals(200, reply.status(), reply.body());
        AttackTokens.Holder holder = holderOf(reply.data());
        return new Player(person, holder, suite.tokens.valid(holder));
    }

    /** Fetches the admin secret for {@code token} with the account's password, through the gateway. */
    Operator adminSession(Player admin) {
        TestHttp.Reply reply = clients.post("/user/login_admin_info/verify/get_secret_admin_password", admin.token(),
                "{\"user_password\":\"" + admin.person().password() + "\"}");
        assertEquals(200, reply.status(), reply.body());
        return new Operator(admin.holder(), admin.token(), reply.data().get("admin_secret").toString());
    }

    AttackTokens.Holder holderOf(String idNumber) {
        TestHttp.Reply reply = internal("GET", "/internal/users/by-id-number/" + idNumber, null);
        assertEquals(200, reply.status(), reply.body());
        return holderOf(reply.data());
    }

    private static AttackTokens.Holder holderOf(Map<String, Object> user) {
        return new AttackTokens.Holder(user.get("public_id").toString(), user.get("user_AegisSpeed_id").toString(),
                List.of(user.get("user_role").toString()));
    }

    private TestHttp.Reply internal(String method, String path, String json) {
        TestHttp users = suite.service("user-service").http();
        return users.send(HttpRequest.newBuilder(users.uri(path))
                .header(InternalConfiguration.HEADER, suite.internalSecret)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }
}
