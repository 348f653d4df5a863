package com.aegisspeed.system;

import com.aegisspeed.common.identity.IdNumbers;
import com.aegisspeed.testsupport.TestHttp;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** What game clients, the ASAC core check unit and operators send through the gateway, spelled once. */
final class Clients {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000));

    private final TestHttp gateway;

    TestHttp gateway() {
        return gateway;
    }

    Clients(TestHttp gateway) {
        this.gateway = gateway;
    }

    private static final String[] NAMES = {"张伟", "王芳", "李娜", "刘洋", "陈静", "欧阳明月"};

    /** A person who may register: a valid, unused ID number, phone and e-mail. */
    record Person(String idNumber, String name, String phone, String email, String password) {
        static Person fresh() {
            int n = SEQUENCE.incrementAndGet();
            String born = LocalDate.of(1960, 1, 1).plusDays(n % 15_000).format(DateTimeFormatter.BASIC_ISO_DATE);
            String first17 = "440305" + born + "%03d".formatted(n % 1000);
            return new Person(first17 + IdNumbers.checkCharacter(first17), NAMES[n % NAMES.length],
                    "137%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000)),
                    "player" + n + "." + System.nanoTime() + "@example.com", "Correct-Horse-" + n);
        }
    }

    static String machineCode() {
        StringBuilder code = new StringBuilder();
        String alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (int i = 0; i < 32; i++) {
            code.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return code.toString();
    }

    TestHttp.Reply register(Person p) {
        return gateway.postJson("/user/register/register_user_info", """
                {"user_id":"%s","user_name":"%s","user_phone_number":"%s","user_email":"%s","user_password":"%s"}"""
                .formatted(p.idNumber(), p.name(), p.phone(), p.email(), p.password()));
    }

    TestHttp.Reply login(String idNumber, String password) {
        return gateway.postJson("/user/login/login_user_info",
                "{\"user_id\":\"%s\",\"user_password\":\"%s\"}".formatted(idNumber, password));
    }

    TestHttp.Reply adminLogin(String aegisSpeedId, String password) {
        return gateway.postJson("/user/login/login_admin_info_by_aegisspeed_id",
                "{\"user_AegisSpeed_id\":\"%s\",\"user_password\":\"%s\"}".formatted(aegisSpeedId, password));
    }

    TestHttp.Reply get(String path, String token) {
        return gateway.send(HttpRequest.newBuilder(gateway.uri(path)).header("Authorization", "Bearer " + token).GET());
    }

    TestHttp.Reply post(String path, String token, String json) {
        return gateway.send(HttpRequest.newBuilder(gateway.uri(path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    TestHttp.Reply adminGet(String path, String token, String adminSecret) {
        return gateway.send(HttpRequest.newBuilder(gateway.uri(path))
                .header("Authorization", "Bearer " + token).header("X-Admin-Secret", adminSecret).GET());
    }

    TestHttp.Reply adminPost(String path, String token, String adminSecret, String json) {
        return gateway.send(HttpRequest.newBuilder(gateway.uri(path))
                .header("Authorization", "Bearer " + token).header("X-Admin-Secret", adminSecret)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    TestHttp.Reply machineCodeAvailability(String idNumber, String machineCode) {
        return gateway.postJson("/verify/verify_is_machine_code_available",
                "{\"user_id\":\"%s\",\"machine_code\":\"%s\"}".formatted(idNumber, machineCode));
    }

    TestHttp.Reply bindMachine(String token, String idNumber, String machineCode) {
        return post("/machine/register/register_machine_info", token, """
                {"user_id":"%s","machine_code":"%s","windows_uuid":"12345678-1234-1234-1234-123456789012",
                 "windows_product_id":"12345-12345-12345-12345-12345","machine_os_name":"Microsoft Windows 11",
                 "machine_os_version":"10.0.22631","machine_architecture":"x64","machine_architecture_type":"AMD64",
                 "machine_platform":"Win32","machine_cpu":"12th Gen Intel(R) Core(TM) i7-12700K",
                 "machine_motherboard":"ASUS PRIME Z690-A","machine_mac_address":"00:11:22:33:44:55"}"""
                .formatted(idNumber, machineCode));
    }

    TestHttp.Reply reportCheck(String token, String launchCode, String machineCode, String result) {
        return post("/anticheat/report/report_check_result", token, """
                {"launch_code":"%s","machine_code":"%s","check_result":"%s",
                 "check_result_detail":"System environment check","start_time":"2026-11-23T10:00:00+08:00",
                 "finish_time":"2026-11-23T10:00:05+08:00"}""".formatted(launchCode, machineCode, result));
    }

    /** Logs the bootstrap super-admin in and fetches a dynamic admin secret: {token, secret}. */
    String[] operatorSession() {
        String userToken = login(Suite.ADMIN_ID_NUMBER, Suite.ADMIN_PASSWORD).envelope().get("token").toString();
        String aegisSpeedId = get("/user/info/get_user_info", userToken).data().get("user_AegisSpeed_id").toString();
        String token = adminLogin(aegisSpeedId, Suite.ADMIN_PASSWORD).envelope().get("token").toString();
        String secret = post("/user/login_admin_info/verify/get_secret_admin_password", token,
                "{\"user_password\":\"" + Suite.ADMIN_PASSWORD + "\"}").data().get("admin_secret").toString();
        return new String[] {token, secret};
    }
}
