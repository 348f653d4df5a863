package com.aegisspeed.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every overlay renders, every one is checked, and a machine without kubectl fails the checks. */
class OverlaysRenderTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void rendersEveryServiceWorkload(Overlay overlay) {
        Rendered rendered = overlay.render();
        for (AegisService service : AegisService.values()) {
            assertEquals("Deployment", rendered.workload(service.module).kind(), service.module);
        }
    }

    @Test
    void everyOverlayDirectoryIsChecked() throws IOException {
        Set<Path> checked = Arrays.stream(Overlay.values()).map(Overlay::directory).collect(Collectors.toSet());
        try (Stream<Path> overlays = Files.list(Repository.deploy().resolve("k8s/overlays"))) {
            Set<Path> present = overlays.filter(Files::isDirectory).collect(Collectors.toSet());
            assertFalse(present.isEmpty());
            assertTrue(checked.containsAll(present), "overlays not checked: " + present);
        }
    }

    @Test
    void failsClearlyWhenKubectlIsMissing(@TempDir Path emptyDirectory) {
        AssertionError missing = assertThrows(AssertionError.class,
                () -> Kustomize.locateKubectl(Map.of("PATH", emptyDirectory.toString())));
        assertTrue(missing.getMessage().contains("kubectl not found"), missing.getMessage());

        AssertionError wrongExplicit = assertThrows(AssertionError.class,
                () -> Kustomize.locateKubectl(Map.of("KUBECTL", emptyDirectory.resolve("kubectl").toString())));
        assertTrue(wrongExplicit.getMessage().contains("not an executable"), wrongExplicit.getMessage());
    }
}
