package com.aegisspeed.gateway;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.identity.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator console's files under {@code /console/}: served by the gateway itself with their content types
 * and a Content-Security-Policy that allows this origin only, self-contained (no other host, no inline script),
 * and unaffected by the endpoint-open flags, which apply to the API calls the page makes, not to the page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleAssetsTest {

    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Map<String, String> FILES = Map.of(
            "/console/", "text/html;charset=utf-8",
            "/console/console.js", "text/javascript;charset=utf-8",
            "/console/console.css", "text/css;charset=utf-8");

    private GatewayUnderTest suite;
    private GatewayClient client;

    @BeforeAll
    void start() {
        suite = GatewayUnderTest.start();
        client = suite.client;
    }

    @AfterAll
    void stop() {
        suite.close();
    }

    @Test
    void everyFileIsServedWithItsTypeAndAStrictContentSecurityPolicy() {
        FILES.forEach((path, type) -> {
            GatewayClient.Answer answer = client.get(path);
            assertEquals(200, answer.status(), path);
            assertEquals(type, answer.header("Content-Type"), path);
            assertEquals(POLICY, answer.header("Content-Security-Policy"), path);
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), path);
            assertEquals("DENY", answer.header("X-Frame-Options"), path);
            assertEquals("no-referrer", answer.header("Referrer-Policy"), path);
            assertTrue(answer.body().length() > 200, path);
        });
    }

    @Test
    void thePageLoadsOnlyItsOwnFilesAndNoInlineScriptOrStyle() {
        String html = client.get("/console/").body();
        List<String> references = new ArrayList<>();
        Matcher reference = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
        while (reference.find()) {
            references.add(reference.group(1));
        }
        assertEquals(List.of("console.css", "console.js"), references, "relative references to the console's own files");
        for (String file : references) {
            assertEquals(200, client.get("/console/" + file).status(), file);
        }
        Matcher script = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        while (script.find()) {
            assertTrue(script.group(1).contains("src="), "no inline script: " + script.group());
            assertEquals("", script.group(2).trim(), "no inline script");
        }
        assertFalse(html.contains("<style"), "no inline style element");
        assertFalse(Pattern.compile("\\sstyle=|\\son[a-z]+=").matcher(html).find(), "no style or event attributes");
        for (String path : FILES.keySet()) {
            // SVG's namespace is a name the page's charts are created in, never fetched.
            String body = client.get(path).body().replace("'http://www.w3.org/2000/svg'", "");
            assertFalse(body.contains("http://") || body.contains("https://") || body.contains("//cdn")
                    || body.contains("@import") || body.contains("url("), path + " refers to nothing elsewhere");
        }
    }

    @Test
    void theScriptKeepsCredentialsForTheTabOnlyAndNeverWritesServerTextAsHtml() {
        String script = client.get("/console/console.js").body();
        assertTrue(script.contains("sessionStorage"));
        assertFalse(script.contains("localStorage"), "the token must not outlive the tab");
        assertFalse(script.contains("innerHTML") || script.contains("outerHTML")
                || script.contains("insertAdjacentHTML") || script.contains("document.write"), "text only");
        assertFalse(script.contains("eval(") || script.contains("new Function"), "nothing the policy would refuse");
    }

    @Test
    void consoleWithoutTheSlashRedirectsToTheConsole() {
        GatewayClient.Answer answer = client.get("/console");
        assertEquals(301, answer.status(), answer.body());
        assertEquals("/console/", answer.header("Location"));
    }

    @Test
    void unknownFilesAnswer404InTheEnvelope() {
        for (String path : List.of("/console/nope.js", "/console/..%2Fapplication.yml", "/console/index.htm")) {
            GatewayClient.Answer answer = client.get(path);
            assertEquals(404, answer.status(), path + ": " + answer.body());
            assertEquals(Codes.NO_SUCH_ENDPOINT, answer.code(), path);
        }
        GatewayClient.Answer post = client.send(client.request("/console/").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, post.status(), post.body());
    }

    @Test
    void closingEndpointsLeavesTheConsoleReachable() {
        String token = suite.authority.tokenFor("admin-console", "ASD000011", Role.ADMIN);
        String[] operator = {"Authorization", "Bearer " + token, "X-Admin-Secret", suite.authority.issueAdminSecret(token)};
        try {
            for (String service : GatewayUnderTest.SERVICES) {
                assertEquals(200, client.postJson("/admin/endpoints/close_service",
                        "{\"service_name\":\"" + service + "\"}", operator).status(), service);
            }
            assertEquals(200, client.postJson("/admin/endpoints/close",
                    "{\"endpoint_path\":\"/test/check_server_state\"}", operator).status());
            assertEquals(403, client.get("/test/check_server_state").status());
            FILES.keySet().forEach(path -> assertEquals(200, client.get(path).status(), path));
        } finally {
            for (String service : GatewayUnderTest.SERVICES) {
                client.postJson("/admin/endpoints/open_service", "{\"service_name\":\"" + service + "\"}", operator);
            }
            client.postJson("/admin/endpoints/open", "{\"endpoint_path\":\"/test/check_server_state\"}", operator);
        }
    }
}
