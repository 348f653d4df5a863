package com.aegisspeed.system;

import com.aegisspeed.testsupport.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How the main sources hang together, read from the checkout: inside each module no feature package depends on
 * itself through others (no package cycles), and no service imports another service's code (they talk over HTTP,
 * through {@code common}'s clients).
 */
class SourceLayoutTest {

    private static final Map<String, String> MODULES = Map.of(
            "common", "com.aegisspeed.common",
            "auth-service", "com.aegisspeed.auth",
            "user-service", "com.aegisspeed.user",
            "machine-service", "com.aegisspeed.machine",
            "anticheat-service", "com.aegisspeed.anticheat",
            "gateway", "com.aegisspeed.gateway");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(com\\.aegisspeed\\.[\\w.]+)", Pattern.MULTILINE);

    @Test
    void noModuleHasAPackageThatDependsOnItselfThroughOthers() {
        Map<String, List<String>> cycles = new TreeMap<>();
        MODULES.forEach((module, root) -> {
            Map<String, Set<String>> uses = packageDependencies(module, root);
            for (String start : uses.keySet()) {
                List<String> cycle = pathBack(uses, start);
                if (!cycle.isEmpty()) {
                    cycles.put(module + " " + start, cycle);
                }
            }
        });
        assertEquals(Map.of(), cycles, "feature packages that reach themselves again (package → … → package)");
    }

    @Test
    void noServiceImportsAnotherServicesCode() {
        List<String> crossings = new ArrayList<>();
        MODULES.forEach((module, root) -> {
            if (module.equals("common")) {
                return;
            }
            forEachImport(module, (file, imported) -> {
                boolean otherService = MODULES.entrySet().stream().anyMatch(other -> !other.getKey().equals(module)
                        && !other.getKey().equals("common") && imported.startsWith(other.getValue() + "."));
                if (otherService) {
                    crossings.add(module + ": " + file.getFileName() + " imports " + imported);
                }
            });
        });
        assertEquals(List.of(), crossings);
    }

    /** Feature package (first segment under the module's root package) → the feature packages it imports. */
    private static Map<String, Set<String>> packageDependencies(String module, String root) {
        Map<String, Set<String>> uses = new TreeMap<>();
        Path sources = sources(module).resolve(root.replace('.', '/'));
        forEachImport(module, (file, imported) -> {
            String from = feature(sources.relativize(file.getParent()).toString().replace('/', '.'));
            if (!imported.startsWith(root + ".")) {
                return;
            }
            String to = feature(imported.substring(root.length() + 1));
            if (!from.isEmpty() && !to.equals(from) && Character.isLowerCase(to.charAt(0))) {
                uses.computeIfAbsent(from, p -> new TreeSet<>()).add(to);
            }
        });
        return uses;
    }

    private static String feature(String relativePackage) {
        int dot = relativePackage.indexOf('.');
        return dot < 0 ? relativePackage : relativePackage.substring(0, dot);
    }

    /** A path {@code start → … → start} through the dependencies, or empty when there is none. */
    private static List<String> pathBack(Map<String, Set<String>> uses, String start) {
        List<String> path = new ArrayList<>(List.of(start));
        return walk(uses, start, start, path, new TreeSet<>()) ? path : List.of();
    }

    private static boolean walk(Map<String, Set<String>> uses, String at, String goal, List<String> path, Set<String> seen) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            path.add(next);
            if (next.equals(goal) || seen.add(next) && walk(uses, next, goal, path, seen)) {
                return true;
            }
            path.remove(path.size() - 1);
        }
        return false;
    }

    private interface ImportVisitor {
        void visit(Path file, String imported);
    }

    private static void forEachImport(String module, ImportVisitor visitor) {
        try (Stream<Path> files = Files.walk(sources(module))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher imports = IMPORT.matcher(Files.readString(file));
                while (imports.find()) {
                    visitor.visit(file, imports.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path sources(String module) {
        return ServiceProcess.repositoryRoot().resolve(module).resolve("src/main/java");
    }
}
