package com.aegisspeed.system;

import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator console (docs/api-gateway.md, "Operator console") in a real headless Chromium against the whole
 * suite: an operator logs in with AegisSpeed ID and password, passes the admin-secret step, closes an endpoint
 * with its switch and the confirmation, sees clients refused with 403 {@code 00000}, opens it again and finds
 * both changes in the history; an invalid session, an expired admin secret and refused actions say so on the
 * page. Screenshots go to {@code system-tests/target/console-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    private static final String REGISTER = "/user/register/register_user_info";
    private static final String VERSION = "/verify/verify_client_version_number";
    private static final String MACHINE_CHECK = "/verify/verify_is_machine_code_available";
    private static final String TOKEN_KEY = "aegis.console.token";
    private static final String SECRET_KEY = "aegis.console.secret";
    /** Known here (not Suite's random one) only to create an account with another role through user-service. */
    private final String internalSecret = "console-test-" + UUID.randomUUID();

    private Suite suite;
    private Clients clients;
    private ConsoleBrowser browser;
    private String adminId;

    @BeforeAll
    void start() {
        Map<String, Map<String, String>> extra = new HashMap<>();
        Suite.MODULES.forEach(module -> extra.put(module, Map.of("AEGIS_INTERNAL_SECRET", internalSecret)));
        suite = Suite.start(extra);
        clients = new Clients(suite.gateway());
        String userToken = clients.login(Suite.ADMIN_ID_NUMBER, Suite.ADMIN_PASSWORD).envelope().get("token").toString();
        adminId = clients.get("/user/info/get_user_info", userToken).data().get("user_AegisSpeed_id").toString();
        browser = ConsoleBrowser.start(suite.gateway().uri("/console/"));
    }

    @AfterAll
    void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (suite != null) {
                suite.close();
            }
        }
    }

    @BeforeEach
    void freshTab() {
        browser.openFresh();
    }

    @Test
    void operatorClosesAnEndpointClientsAreRefusedThenReopensItAndTheHistoryShowsBoth() throws IOException {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, suite.gateway().get(VERSION).status());
        }
        browser.open("/console");
        assertTrue(browser.currentUrl().endsWith("/console/"), browser.currentUrl());
        browser.awaitVisible("login-view");
        browser.screenshot("01-login");

        browser.logIn(adminId, Suite.ADMIN_PASSWORD);
        browser.pressAgainOnUnavailable("login-submit", "secret-view");
        assertTrue(browser.sessionItem(TOKEN_KEY).length() > 20, "the token is kept for this tab");
        assertEquals(0L, browser.script("return localStorage.length;"), "nothing is kept beyond the tab");
        browser.enterSecretPassword(Suite.ADMIN_PASSWORD);
        browser.pressAgainOnUnavailable("secret-submit", "dashboard-view");
        browser.awaitRowOpen(REGISTER, true);
        assertEquals("Open", browser.rowText(REGISTER, "state"));
        browser.awaitCount(VERSION, "requests", 3);
        for (String service : List.of("gateway", "auth-service", "user-service", "machine-service", "anticheat-service")) {
            assertFalse(browser.script("return document.querySelectorAll(\"#services section[data-service='"
                    + service + "'] tr[data-endpoint]\").length;").equals(0L), "a table for " + service);
        }

        // A confirmation that is cancelled changes nothing.
        browser.clickSwitch(REGISTER);
        browser.cancel();
        browser.refresh();
        browser.awaitRowOpen(REGISTER, true);

        browser.clickSwitch(REGISTER);
        assertTrue(browser.confirmationText().contains(REGISTER), browser.confirmationText());
        assertTrue(browser.confirmationText().contains("00000"), browser.confirmationText());
        browser.screenshot("02-confirm-close");
        browser.confirm();
        browser.awaitRowOpen(REGISTER, false);
        browser.awaitMessage("Endpoint closed");
        assertEquals("Closed", browser.rowText(REGISTER, "state"));

        TestHttp.Reply refused = clients.register(Clients.Person.fresh());
        assertEquals(403, refused.status(), refused.body());
        assertEquals("00000", refused.envelope().get("code"));
        assertEquals("Server has not opened this endpoint", refused.envelope().get("result"));

        browser.refresh();
        browser.awaitCount(REGISTER, "client-errors", 1);
        browser.screenshot("03-endpoint-closed");
        Path table = browser.screenshot("03-auth-service-table-endpoint-closed",
                By.cssSelector("#services section[data-service='auth-service']"));
        assertTrue(Files.size(table) > 5_000, "a real picture of the table: " + Files.size(table) + " bytes");

        browser.clickSwitch(REGISTER);
        assertTrue(browser.confirmationText().startsWith("Open " + REGISTER), browser.confirmationText());
        browser.confirm();
        browser.awaitRowOpen(REGISTER, true);
        browser.awaitMessage("Endpoint opened");
        TestHttp.Reply admitted = clients.register(Clients.Person.fresh());
        assertEquals(200, admitted.status(), admitted.body());

        List<List<String>> history = browser.awaitHistory(rows -> rows.stream().filter(row -> row.get(1).equals(REGISTER))
                .count() >= 2).stream().filter(row -> row.get(1).equals(REGISTER)).toList();
        assertEquals(List.of(REGISTER, "Closed → Open", adminId), history.get(0).subList(1, 4));
        assertEquals(List.of(REGISTER, "Open → Closed", adminId), history.get(1).subList(1, 4));
        assertEquals(2, history.size(), "the cancelled switch wrote nothing");
        browser.screenshot("04-reopened-with-history");

        List<String> policyViolations = browser.consoleLog().stream()
                .filter(line -> line.contains("Content Security Policy") || line.contains("Refused to")).toList();
        assertEquals(List.of(), policyViolations, "the page needs nothing its policy refuses");
    }

    @Test
    void aServiceIsClosedAndOpenedWithItsOwnSwitch() {
        browser.logInAsOperator(adminId, Suite.ADMIN_PASSWORD);
        browser.clickServiceButton("machine-service", "close-service");
        assertTrue(browser.confirmationText().contains("machine-service"), browser.confirmationText());
        browser.confirm();
        browser.awaitMessage("Service endpoints closed");
        browser.awaitRowOpen(MACHINE_CHECK, false);
        browser.awaitRowOpen("/machine/register/register_machine_info", false);
        TestHttp.Reply refused = clients.machineCodeAvailability(Suite.ADMIN_ID_NUMBER, Clients.machineCode());
        assertEquals(403, refused.status(), refused.body());
        assertEquals("00000", refused.envelope().get("code"));
        browser.screenshot("05-service-closed", By.cssSelector("#services section[data-service='machine-service']"));

        browser.clickServiceButton("machine-service", "open-service");
        browser.confirm();
        browser.awaitMessage("Service endpoints opened");
        browser.awaitRowOpen(MACHINE_CHECK, true);
        browser.awaitRowOpen("/machine/register/register_machine_info", true);
        assertNotEquals(403, clients.machineCodeAvailability(Suite.ADMIN_ID_NUMBER, Clients.machineCode()).status());
    }

    @Test
    void aMaintenanceWindowScheduledOnThePageClosesTheServiceIsAnnouncedAndIsCancelledThere() {
        browser.logInAsOperator(adminId, Suite.ADMIN_PASSWORD);
        String reason = "Machine database upgrade " + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        browser.scheduleWindow("service:machine-service", formTime(now.minusSeconds(60)), formTime(now.plusSeconds(3600)), reason);
        assertTrue(browser.confirmationText().contains("every endpoint of machine-service"), browser.confirmationText());
        browser.confirm();
        browser.awaitMessage("Maintenance window scheduled");

        WebElement row = browser.awaitWindow(reason, "active");
        String windowId = row.getAttribute("data-window");
        TestHttp.Reply refused = clients.machineCodeAvailability(Suite.ADMIN_ID_NUMBER, Clients.machineCode());
        assertEquals(403, refused.status(), refused.body());
        assertEquals("00000", refused.envelope().get("code"));
        browser.awaitRowOpen(MACHINE_CHECK, false);
        assertEquals("Closed (window #" + windowId + ")", browser.rowText(MACHINE_CHECK, "state"));
        TestHttp.Reply announced = suite.gateway().get("/test/check_server_api_state");
        assertTrue(announced.body().contains(reason), announced.body());
        browser.screenshot("09-maintenance-window", By.id("maintenance"));

        browser.clickCancelWindow(reason);
        assertTrue(browser.confirmationText().contains("#" + windowId), browser.confirmationText());
        browser.confirm();
        browser.awaitMessage("Maintenance window cancelled");
        browser.awaitWindow(reason, "cancelled");
        browser.awaitRowOpen(MACHINE_CHECK, true);
        assertNotEquals(403, clients.machineCodeAvailability(Suite.ADMIN_ID_NUMBER, Clients.machineCode()).status());
    }

    /** As the form's datetime-local fields take it, in UTC as its labels say. */
    private static String formTime(Instant time) {
        return LocalDateTime.ofInstant(time, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    @Test
    void eachServiceShowsItsTrafficOverTheLastHourAsAChart() {
        for (int i = 0; i < 7; i++) {
            clients.machineCodeAvailability(Suite.ADMIN_ID_NUMBER, Clients.machineCode());
        }
        browser.logInAsOperator(adminId, Suite.ADMIN_PASSWORD);
        Map<String, String> chart = browser.awaitChart("machine-service", 7);
        assertEquals("60", chart.get("minutes"), "one point per minute of the last hour");
        String[] points = chart.get("points").split(" ");
        assertEquals(60, points.length, chart.get("points"));
        // The newest minute holds the requests just sent, so the line rises above the chart's floor at its end.
        double floor = Double.parseDouble(points[0].split(",")[1]);
        assertTrue(Double.parseDouble(points[59].split(",")[1]) < floor, chart.get("points"));
        assertTrue(chart.get("caption").startsWith("Last hour, per minute (this replica): "), chart.get("caption"));
        browser.screenshot("06-traffic-chart", By.cssSelector("#services section[data-service='machine-service'] figure.traffic-chart"));
        List<String> policyViolations = browser.consoleLog().stream()
                .filter(line -> line.contains("Content Security Policy") || line.contains("Refused to")).toList();
        assertEquals(List.of(), policyViolations, "the chart needs nothing the page's policy refuses");
    }

    @Test
    void anInvalidatedSessionGoesBackToTheLoginWithAMessage() {
        browser.logInAsOperator(adminId, Suite.ADMIN_PASSWORD);
        String token = browser.sessionItem(TOKEN_KEY);
        assertEquals(200, clients.post("/user/login/logout", token, "{}").status(), "the token is revoked elsewhere");
        // The gateway applied the revocation before passing the logout's answer on: the page's next request is
        // refused for its token (10001), not passed on to be refused for the admin secret the logout dropped too.
        assertRevokedAtTheGateway(token);

        browser.refresh();
        String message = browser.awaitMessage("session has expired or is no longer valid");
        assertTrue(message.contains("code 10001"), message);
        assertTrue(browser.isVisible("login-view"));
        assertNull(browser.sessionItem(TOKEN_KEY), "the dead token is dropped");
        browser.screenshot("06-session-expired");

        browser.logInAsOperator(adminId, Suite.ADMIN_PASSWORD);
    }

    @Test
    void loggingOutRevokesTheTokenAndClearsThePage() {
        browser.logInAsOperator(adminId, Suite.ADMIN_PASSWORD);
        String token = browser.sessionItem(TOKEN_KEY);
        browser.logOut();
        browser.awaitMessage("Logged out.");
        assertTrue(browser.isVisible("login-view"));
        assertNull(browser.sessionItem(TOKEN_KEY));
        assertNull(browser.sessionItem(SECRET_KEY));
        assertEquals(0L, browser.script("return document.querySelectorAll('#services tr, #history tbody tr').length;"),
                "nothing of the session stays on the page");
        assertRevokedAtTheGateway(token);
    }

    private void assertRevokedAtTheGateway(String token) {
        assertEquals(401, clients.get("/user/info/get_user_info", token).status(), "refused at once");
    }

    @Test
    void anInvalidAdminSecretAsksForTheSecretAgain() {
        browser.logInAsOperator(adminId, Suite.ADMIN_PASSWORD);
        browser.setSessionItem(SECRET_KEY, "no-longer-valid");
        browser.refresh();
        String message = browser.awaitMessage("admin secret has expired or is no longer valid");
        assertTrue(message.contains("code 10004"), message);
        browser.awaitVisible("secret-view");
        browser.enterSecretPassword(Suite.ADMIN_PASSWORD);
        browser.pressAgainOnUnavailable("secret-submit", "dashboard-view");
        browser.awaitRowOpen(REGISTER, true);
    }

    @Test
    void aWrongPasswordIsRefusedWithTheGatewaysMessage() {
        browser.logIn(adminId, "Not-The-Passw0rd");
        String message = browser.awaitMessage("Invalid username or password");
        assertTrue(message.contains("HTTP 401, code 10001"), message);
        assertTrue(browser.isVisible("login-view"));
        assertNull(browser.sessionItem(TOKEN_KEY));
        browser.screenshot("07-wrong-password");
    }

    @Test
    void anAdminWhoseRoleMayNotSwitchEndpointsIsToldSo() {
        Clients.Person person = Clients.Person.fresh();
        TestHttp.Reply created = suite.service("user-service").http().send(HttpRequest.newBuilder(
                        suite.service("user-service").http().uri("/internal/users"))
                .header("X-Aegis-Internal", internalSecret).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TestHttp.json(Map.of("user_id", person.idNumber(),
                        "user_name", person.name(), "user_phone_number", person.phone(),
                        "user_email", person.email(), "user_password", person.password(),
                        "user_role", "组织管理员")))));
        assertEquals(200, created.status(), created.body());
        String orgAdminId = created.data().get("user_AegisSpeed_id").toString();

        browser.logIn(orgAdminId, person.password());
        browser.pressAgainOnUnavailable("login-submit", "secret-view");
        browser.enterSecretPassword(person.password());
        browser.pressAgainOnUnavailable("secret-submit", "dashboard-view");
        String message = browser.awaitMessage("This account may not change endpoint flags");
        assertTrue(message.contains("HTTP 403, code 10005"), message);
        assertEquals(0L, browser.script("return document.querySelectorAll('#services tr[data-endpoint]').length;"),
                "nothing is shown to an account that may not see it");
        browser.screenshot("08-role-refused");
    }
}
