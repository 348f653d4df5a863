package com.aegisspeed.deploy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Renders a Kustomize directory with {@code kubectl kustomize}, the renderer operators apply the overlays
 * with. Without kubectl the checks fail with a message saying so: they never pass by rendering nothing.
 */
final class Kustomize {

    private static final long RENDER_TIMEOUT_SECONDS = 60;
    private static final String HOW_TO_INSTALL = "The deploy checks render every overlay with `kubectl kustomize`"
            + " and cannot run without it: bin/test fetches one when none is installed; otherwise install kubectl 1.27"
            + " or newer (kustomize 5 built in) or point KUBECTL at it.";

    private final Path kubectl;

    private Kustomize(Path kubectl) {
        this.kubectl = kubectl;
    }

    /** kubectl from {@code KUBECTL} if set, else from {@code PATH}. */
    static Kustomize fromEnvironment() {
        return new Kustomize(locateKubectl(System.getenv()));
    }

    static Path locateKubectl(Map<String, String> environment) {
        String explicit = environment.get("KUBECTL");
        if (explicit != null && !explicit.isBlank()) {
            Path path = Path.of(explicit);
            if (!Files.isExecutable(path)) {
                throw new AssertionError("KUBECTL=" + explicit + " is not an executable file. " + HOW_TO_INSTALL);
            }
            return path;
        }
        String searchPath = environment.getOrDefault("PATH", "");
        for (String directory : searchPath.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("kubectl not found on PATH (" + searchPath + "). " + HOW_TO_INSTALL);
    }

    Rendered render(Path kustomizationDirectory) {
        Process process;
        try {
            process = new ProcessBuilder(kubectl.toString(), "kustomize", kustomizationDirectory.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new AssertionError("could not run " + kubectl + ": " + e.getMessage(), e);
        }
        CompletableFuture<String> stdout = readAll(process.getInputStream());
        CompletableFuture<String> stderr = readAll(process.getErrorStream());
        try {
            if (!process.waitFor(RENDER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + kustomizationDirectory + " did not finish within "
                        + RENDER_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + kustomizationDirectory + " failed (exit "
                        + process.exitValue() + "):\n" + stderr.join());
            }
            return Rendered.parse(stdout.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted while rendering " + kustomizationDirectory, e);
        }
    }

    private static CompletableFuture<String> readAll(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
