package com.aegisspeed.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Each service's Dockerfile, as written (system-tests' ImagesTest builds and runs the images): a Java 25 runtime
 * base, a numeric non-root user, the very jar {@code mvn package} builds for that module, the service's port, JVM
 * flags that follow the container's memory, an ahead-of-time cache of that jar checked at build, and no secret.
 */
class DockerfileTest {

    private static final Pattern JRE_25 = Pattern.compile("eclipse-temurin:25[0-9._]*-jre(-[a-z0-9.]+)?(@sha256:[0-9a-f]{64})?");
    private static final Pattern ARGUMENT_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern NUMERIC_USER = Pattern.compile("(\\d+)(:(\\d+))?");
    private static final Pattern SECRET_LOOKING = Pattern.compile("(?i).*(password|secret|signing|private|token|credential|_key).*");
    private static final String APP_JAR = "/app/app.jar";

    @ParameterizedTest
    @EnumSource(AegisService.class)
    void runsOnAJava25RuntimeAsANumericNonRootUser(AegisService service) {
        Dockerfile dockerfile = dockerfile(service);
        Dockerfile image = dockerfile.finalStage();
        String base = image.only("FROM").split("\\s+")[0];
        // The base may be a build argument (a local runtime image where no registry is reachable); its default is
        // the public Java 25 runtime.
        Matcher reference = ARGUMENT_REFERENCE.matcher(base);
        if (reference.matches()) {
            base = dockerfile.assignments("ARG").get(reference.group(1));
        }
        assertNotNull(base, service.module + " FROM names an argument without a default");
        assertTrue(JRE_25.matcher(base).matches(), service.module + " base image " + base);

        Matcher user = NUMERIC_USER.matcher(image.only("USER").strip());
        assertTrue(user.matches(), service.module + " USER must be numeric (uid:gid) so runAsNonRoot can check it");
        assertNotEquals("0", user.group(1), service.module + " runs as root");
        assertNotEquals("0", user.group(3), service.module + " runs in group root");

        // The Kubernetes pod runs as that same user.
        Map<String, Object> podSecurity = Overlay.BASE.render().workload(service.module).podSpec();
        assertEquals(Integer.parseInt(user.group(1)), Yamls.at(podSecurity, "securityContext", "runAsUser"),
                service.module + " pod runAsUser");
    }

    /** Temurin's tag of one exact release (25.0.3_9-jre, with the OS it is built on or not), or any digest. */
    private static final Pattern EXACT_RUNTIME = Pattern.compile(
            "eclipse-temurin:25\\.\\d+\\.\\d+_\\d+-jre(-[a-z0-9.]+)?(@sha256:[0-9a-f]{64})?|[^@\\s]+@sha256:[0-9a-f]{64}");

    @ParameterizedTest
    @EnumSource(AegisService.class)
    void theDefaultRuntimeIsAnExactReleaseAndTheReadmeShowsPinningItByDigest(AegisService service) {
        String runtime = dockerfile(service).assignments("ARG").get("RUNTIME_IMAGE");
        assertNotNull(runtime, service.module + " ARG RUNTIME_IMAGE has a default");
        assertTrue(EXACT_RUNTIME.matcher(runtime).matches(),
                service.module + " runtime " + runtime + " is a moving tag: a rebuild could get another JVM");
        assertTrue(Repository.read(Repository.deploy().resolve("README.md"))
                        .matches("(?s).*--build-arg RUNTIME_IMAGE=[^\\s]+@sha256:.*"),
                "deploy/README.md shows a build with the runtime pinned by digest");
    }

    @ParameterizedTest
    @EnumSource(AegisService.class)
    void copiesTheJarMavenPackageBuildsForTheModule(AegisService service) throws Exception {
        Dockerfile dockerfile = dockerfile(service);
        List<Dockerfile.Instruction> copies = dockerfile.all("COPY");
        assertEquals(1, copies.size(), service.module + " copies the jar and nothing else");
        List<String> copy = List.of(copies.get(0).arguments().split("\\s+")).stream()
                .filter(argument -> !argument.startsWith("--")).toList();
        assertEquals(List.of(service.jarPath(), APP_JAR), copy, service.module + " COPY");
        assertTrue(dockerfile.all("ADD").isEmpty(), service.module + " uses ADD");

        // <module>/target/<artifactId>-<version>.jar: the module's artifactId, the version it inherits, a jar
        // packaging shaded by micronaut-parent with the main class from exec.mainClass.
        Document modulePom = pom(Repository.root().resolve(service.module).resolve("pom.xml"));
        Document rootPom = pom(Repository.root().resolve("pom.xml"));
        assertEquals(service.module, childText(modulePom.getDocumentElement(), "artifactId"));
        assertEquals(null, childText(modulePom.getDocumentElement(), "version"), "version inherited from the root pom");
        assertEquals(service.module + "/target/" + service.module + "-"
                + childText(rootPom.getDocumentElement(), "version") + ".jar", service.jarPath());
        Element properties = child(modulePom.getDocumentElement(), "properties");
        String packaging = childText(modulePom.getDocumentElement(), "packaging");
        assertEquals("jar", "${packaging}".equals(packaging) ? childText(properties, "packaging") : packaging,
                service.module + " packaging");
        assertNotNull(childText(properties, "exec.mainClass"), service.module + " names its main class");

        String entrypoint = dockerfile.finalStage().only("ENTRYPOINT");
        assertTrue(entrypoint.startsWith("["), service.module + " ENTRYPOINT in exec form (signals reach the JVM)");
        assertTrue(entrypoint.contains("exec java ") && entrypoint.contains("-jar " + APP_JAR),
                service.module + " runs the jar: " + entrypoint);

        List<String> ignored = List.of(Repository.read(dockerfilePath(service).resolveSibling("Dockerfile.dockerignore"))
                .split("\n"));
        assertTrue(ignored.contains("*") && ignored.contains("!" + service.jarPath()),
                service.module + " Dockerfile.dockerignore admits only the jar: " + ignored);
    }

    @ParameterizedTest
    @EnumSource(AegisService.class)
    void exposesTheServicePortAndTheManagementPortOnEveryInterface(AegisService service) {
        Dockerfile image = dockerfile(service).finalStage();
        String port = String.valueOf(service.applicationPort());
        String management = String.valueOf(service.managementPort());
        assertEquals(port + " " + management, image.only("EXPOSE").strip(), service.module + " EXPOSE");
        assertEquals(port, image.environment().get("AEGIS_PORT"), service.module + " AEGIS_PORT");
        assertEquals(management, image.environment().get("AEGIS_MANAGEMENT_PORT"), service.module + " AEGIS_MANAGEMENT_PORT");
        assertEquals("0.0.0.0", image.environment().get("AEGIS_MANAGEMENT_HOST"), service.module + " AEGIS_MANAGEMENT_HOST");
    }

    @ParameterizedTest
    @EnumSource(AegisService.class)
    void sizesTheJvmForTheContainerAndWritesOnlyToTmp(AegisService service) {
        Map<String, String> environment = dockerfile(service).finalStage().environment();
        String javaOpts = environment.get("JAVA_OPTS");
        assertNotNull(javaOpts, service.module + " JAVA_OPTS");
        assertTrue(javaOpts.matches(".*-XX:MaxRAMPercentage=\\d+(\\.\\d+)?\\b.*"), javaOpts);
        assertTrue(javaOpts.contains("-XX:+UseSerialGC"), javaOpts);
        assertTrue(javaOpts.contains("-Djava.io.tmpdir=/tmp"), javaOpts);
        assertFalse(javaOpts.matches(".*-Xm[sx]\\d.*"), "a fixed heap ignores the container's limit: " + javaOpts);
        assertTrue(environment.get("AEGIS_DATA_DIR").startsWith("/tmp/"), service.module + " AEGIS_DATA_DIR");
    }

    @ParameterizedTest
    @EnumSource(AegisService.class)
    void startsFromAnAheadOfTimeCacheMadeFromTheSameJarAndCheckedAtBuild(AegisService service) {
        Dockerfile image = dockerfile(service).finalStage();
        String training = image.only("RUN");
        Matcher cache = Pattern.compile("-XX:AOTCacheOutput=(\\S+)").matcher(training);
        assertTrue(cache.find(), service.module + " trains an ahead-of-time cache: " + training);
        assertTrue(training.contains("-jar " + APP_JAR), service.module + " trains on " + APP_JAR);
        assertTrue(training.contains("$AEGIS_PORT") && training.contains("kill -TERM"),
                service.module + " waits for the port, then stops the JVM so it writes the cache: " + training);
        assertTrue(training.contains("-XX:AOTCache=" + cache.group(1) + " -XX:AOTMode=on -cp " + APP_JAR),
                service.module + " fails the build when the JVM would not use the cache: " + training);
        String javaOpts = image.environment().get("JAVA_OPTS");
        assertTrue(javaOpts.contains("-XX:AOTCache=" + cache.group(1)), service.module + " JAVA_OPTS uses the cache");
        assertTrue(javaOpts.matches(".*-XX:MaxDirectMemorySize=\\d+[mM]\\b.*"), service.module + " caps direct memory: " + javaOpts);
    }

    private static final Pattern JAVA_FLAGS = Pattern.compile("\\bjava((?:\\s+-\\S+)+)");
    private static final Pattern MAX_RAM = Pattern.compile("-XX:MaxRAM=(\\d+)m");

    @ParameterizedTest
    @EnumSource(AegisService.class)
    void trainsAndChecksTheCacheInTheMemoryOfThePodWithTheRuntimesHeapFlags(AegisService service) {
        Dockerfile image = dockerfile(service).finalStage();
        String run = image.only("RUN");
        String memoryLimit = Yamls.string(Overlay.BASE.render().workload(service.module).container(service.module),
                "resources", "limits", "memory");
        List<String> javaOpts = List.of(image.environment().get("JAVA_OPTS").split("\\s+"));
        List<String> sizing = javaOpts.stream().filter(flag -> flag.startsWith("-XX:MaxRAMPercentage=")
                || flag.startsWith("-XX:MaxDirectMemorySize=") || flag.endsWith("GC")).toList();
        assertEquals(3, sizing.size(), service.module + " JAVA_OPTS sizes heap, direct memory and GC: " + javaOpts);
        Matcher java = JAVA_FLAGS.matcher(run);
        int invocations = 0;
        while (java.find()) {
            invocations++;
            List<String> flags = List.of(java.group(1).strip().split("\\s+"));
            Matcher maxRam = MAX_RAM.matcher(java.group(1));
            // The build host's memory would size training's heap far beyond the pod's; "m" is MiB to the JVM.
            assertTrue(maxRam.find(), service.module + " runs java without a bounded MaxRAM: " + flags);
            assertEquals(Quantity.bytes(memoryLimit), Quantity.bytes(maxRam.group(1) + "Mi"),
                    service.module + " MaxRAM against the container's memory limit " + memoryLimit);
            assertTrue(flags.containsAll(sizing), service.module + " runs java without JAVA_OPTS' " + sizing + ": " + flags);
        }
        assertEquals(2, invocations, service.module + " trains the cache, then checks it: " + run);
    }

    @ParameterizedTest
    @EnumSource(AegisService.class)
    void bakesInNoSecret(AegisService service) {
        Dockerfile dockerfile = dockerfile(service);
        for (String keyword : List.of("ENV", "ARG", "LABEL")) {
            for (String name : dockerfile.assignments(keyword).keySet()) {
                assertFalse(SECRET_LOOKING.matcher(name).matches(), service.module + " " + keyword + " " + name);
            }
        }
        for (Dockerfile.Instruction arg : dockerfile.all("ARG")) {
            assertFalse(SECRET_LOOKING.matcher(arg.arguments()).matches(), service.module + " ARG " + arg.arguments());
        }
    }

    @ParameterizedTest
    @EnumSource(AegisService.class)
    void kubernetesRunsTheImageTheBuildScriptMakes(AegisService service) {
        assertTrue(Repository.read(dockerfilePath(service)).contains(
                        "-t <registry>/aegisspeed/" + service.module + ":<commit> ."),
                service.module + " Dockerfile documents its build command");
        String script = Repository.read(Repository.deploy().resolve("scripts/build-images.sh"));
        assertTrue(script.matches("(?s).*for service in [a-z -]*\\b" + service.module + "\\b.*"),
                "build-images.sh builds " + service.module);
        assertTrue(script.contains("-f \"deploy/docker/$service/Dockerfile\"") && script.contains("- name: aegisspeed/$service"),
                "build-images.sh prints the images: block for the name the manifests use");
        Map<String, Object> container = Overlay.BASE.render().workload(service.module).container(service.module);
        assertEquals("aegisspeed/" + service.module, container.get("image"), service.module + " image");
    }

    private static Path dockerfilePath(AegisService service) {
        return Repository.deploy().resolve("docker").resolve(service.module).resolve("Dockerfile");
    }

    private static Dockerfile dockerfile(AegisService service) {
        return Dockerfile.parse(Repository.read(dockerfilePath(service)));
    }

    private static Document pom(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(Repository.read(file))));
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static String childText(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().strip();
    }
}
