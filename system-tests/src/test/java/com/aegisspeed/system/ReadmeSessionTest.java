package com.aegisspeed.system;

import com.aegisspeed.testsupport.ServiceProcess;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The curl session of README.md's "Using the API", run as written by bash against the whole suite, with only
 * curl and sed on the path: the first thing a newcomer types must keep working. Every command that prints is
 * followed in the README by a comment showing its answer; each real answer must carry that comment's HTTP
 * status and code. Then the examples of docs/api-machine-anticheat.md and docs/api-auth-user.md, which continue
 * from that session.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadmeSessionTest {

    private static final String LOCAL_GATEWAY = "GW=http://localhost:8080";
    private static final Pattern SHOWN_ANSWER = Pattern.compile("^# \\{\"status\":(\\d{3}),\"code\":\"(\\d{5})\".*");
    private static final JsonMapper JSON = JsonMapper.createDefault();

    private static Suite suite;

    @BeforeAll
    static void startSuite() {
        // The session registers the ID number the suite gives its first super-admin by default; under bin/run
        // that admin has user-service's own default ID number, so the suite takes that one here.
        suite = Suite.start(Map.of("user-service", Map.of("AEGIS_BOOTSTRAP_ADMIN_USER_ID", "110105199001010010")));
    }

    @AfterAll
    static void stopSuite() {
        suite.close();
    }

    @Test
    @Order(1)
    void theReadmeCurlSessionRunsAsWrittenAndEveryAnswerIsTheOneItShows() throws Exception {
        List<String> session = bashBlock("README.md", "## Using the API");
        assertEquals(LOCAL_GATEWAY, session.get(0), "the session starts by naming the gateway of bin/run");
        List<String[]> shown = shownAnswers(session);
        assertTrue(shown.size() >= 5, "the session shows what each command answers: " + shown.size());

        List<String> script = new ArrayList<>(session);
        script.set(0, "GW=" + suite.service("gateway").uri());
        String output = run(String.join("\n", script) + "\n");

        List<Map<String, Object>> answers = jsonObjects(output);
        assertEquals(shown.size(), answers.size(), "one answer per printing command; the output was:\n" + output);
        for (int i = 0; i < answers.size(); i++) {
            Map<String, Object> answer = answers.get(i);
            assertEquals(shown.get(i)[0] + ":" + shown.get(i)[1], answer.get("status") + ":" + answer.get("code"),
                    "answer " + (i + 1) + " of the session: " + answer);
        }
    }

    @Test
    @Order(2)
    void theMachineAndAntiCheatExamplesRunAsWrittenAfterTheReadmeSession() throws Exception {
        List<String> examples = new ArrayList<>(
                bashBlock("docs/api-machine-anticheat.md", "## Examples (through the gateway, `bin/run`)"));
        assertEquals(LOCAL_GATEWAY, examples.get(0));
        examples.set(0, "GW=" + suite.service("gateway").uri());
        int adminPassword = examples.indexOf("ADMIN_PASSWORD='paste it here'");
        assertTrue(adminPassword > 0, "the examples take the admin password from one variable");
        examples.set(adminPassword, "ADMIN_PASSWORD='" + Suite.ADMIN_PASSWORD + "'");
        long printing = examples.stream().filter(line -> line.startsWith("curl ")).count();

        String output = run(String.join("\n", examples) + "\n");

        List<Map<String, Object>> answers = jsonObjects(output);
        assertEquals(printing, answers.size(), "one answer per printing command; the output was:\n" + output);
        for (Map<String, Object> answer : answers) {
            assertEquals(200, answer.get("status"), "every example succeeds: " + output);
        }
    }

    @Test
    @Order(3)
    void theAccountExamplesRunAsWrittenAfterTheReadmeSession() throws Exception {
        List<String> examples = new ArrayList<>();
        for (String heading : List.of("## Registering and logging in (auth-service)", "## Admin secret and admin info",
                "## User info, phone, password (user-service)")) {
            examples.addAll(bashBlock("docs/api-auth-user.md", heading));
        }
        String gateway = suite.service("gateway").uri().toString();
        String script = String.join("\n", examples).replace("http://localhost:8080", gateway)
                .replace("ADMIN_PASSWORD='paste it here'", "ADMIN_PASSWORD='" + Suite.ADMIN_PASSWORD + "'");
        long printing = examples.stream().filter(line -> line.startsWith("curl ")).count();

        String output = run(script + "\n");

        List<Map<String, Object>> answers = jsonObjects(output);
        assertEquals(printing, answers.size(), "one answer per printing command; the output was:\n" + output);
        assertEquals("409:10005", answers.get(0).get("status") + ":" + answers.get(0).get("code"),
                "README's session registered this ID number already: " + output);
        for (Map<String, Object> answer : answers.subList(1, answers.size())) {
            assertEquals(200, answer.get("status"), "every other example succeeds: " + output);
        }
    }

    /** The first bash block after {@code heading} in {@code document}. */
    private static List<String> bashBlock(String document, String heading) throws IOException {
        List<String> lines = Files.readAllLines(ServiceProcess.repositoryRoot().resolve(document));
        int at = lines.indexOf(heading);
        assertTrue(at >= 0, document + " has no \"" + heading + "\" section");
        int start = lines.subList(at, lines.size()).indexOf("```bash") + at + 1;
        int end = lines.subList(start, lines.size()).indexOf("```") + start;
        assertTrue(start > at && end > start, "no bash block under \"" + heading + "\" in " + document);
        return lines.subList(start, end);
    }

    /**
     * Status and code of the answer each printing command shows in the comment after it. A command prints
     * unless its output is captured ({@code NAME=$(curl …)}); it goes on over lines ending in a backslash or
     * inside a single-quoted body.
     */
    private static List<String[]> shownAnswers(List<String> session) {
        List<String[]> shown = new ArrayList<>();
        boolean awaitingComment = false;
        boolean continued = false;
        boolean inQuotes = false;
        for (String line : session) {
            if (!continued && !line.startsWith("#") && !line.isBlank()) {
                if (awaitingComment) {
                    fail("no answer shown after a command before: " + line);
                }
                awaitingComment = line.startsWith("curl ");
            }
            if (!line.startsWith("#")) {
                inQuotes ^= line.chars().filter(c -> c == '\'').count() % 2 == 1;
                continued = inQuotes || line.endsWith("\\");
            }
            Matcher answer = SHOWN_ANSWER.matcher(line);
            if (awaitingComment && answer.matches()) {
                shown.add(new String[] {answer.group(1), answer.group(2)});
                awaitingComment = false;
            }
        }
        if (awaitingComment) {
            fail("the last command shows no answer");
        }
        return shown;
    }

    /** Runs {@code script} with bash, only curl and sed on the path, and returns what it printed. */
    private static String run(String script) throws IOException, InterruptedException {
        Path bin = Files.createTempDirectory("readme-session-bin");
        for (String tool : List.of("curl", "sed")) {
            Path found = findOnPath(tool);
            Files.createSymbolicLink(bin.resolve(tool), found);
        }
        Path file = Files.createTempFile("readme-session", ".sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(findOnPath("bash").toString(), "--noprofile", "--norc",
                "-euo", "pipefail", file.toString()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", bin.toString());
        builder.environment().put("LANG", "C.UTF-8");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the session did not finish");
        assertEquals(0, process.exitValue(), "the session failed; it printed:\n" + output);
        return output;
    }

    private static Path findOnPath(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                tool + " is not installed; the README's session needs it (bin/test installs it)");
    }

    /** The JSON objects curl printed one after another (curl adds no line break between answers). */
    private static List<Map<String, Object>> jsonObjects(String output) {
        List<Map<String, Object>> objects = new ArrayList<>();
        int depth = 0;
        int start = -1;
        boolean inString = false;
        for (int i = 0; i < output.length(); i++) {
            char c = output.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                if (depth++ == 0) {
                    start = i;
                }
            } else if (c == '}' && --depth == 0) {
                objects.add(parse(output.substring(start, i + 1)));
            } else if (depth == 0 && !Character.isWhitespace(c)) {
                fail("the session printed something other than answers: " + output);
            }
        }
        return objects;
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(json, e);
        }
    }
}
