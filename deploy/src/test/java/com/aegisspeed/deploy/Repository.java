package com.aegisspeed.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the checkout: the deploy module's tests read the services' sources next to it. */
final class Repository {

    private Repository() {
    }

    /** The repository root: the parent of this module's directory (Maven runs tests in the module's basedir). */
    static Path root() {
        Path deployModule = Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(deployModule.resolve("k8s/base/kustomization.yaml"))) {
            throw new AssertionError("run these tests from the deploy module (cd deploy && mvn test); basedir is "
                    + deployModule);
        }
        return deployModule.getParent();
    }

    static Path deploy() {
        return root().resolve("deploy");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
