package com.aegisspeed.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Image identity: every image an overlay runs names its registry (a forgotten override never pulls from a
 * public registry by default); the base names the service images without registry or tag, so each overlay's
 * {@code images:} is the one place they are set; prod never runs a moving snapshot or {@code latest} tag.
 */
class ImagesTest {

    /** registry host (with a dot or a port, or localhost) / path [:tag] [@digest]. */
    private static final Pattern QUALIFIED =
            Pattern.compile("(?<registry>[a-z0-9-]+(\\.[a-z0-9-]+)+(:\\d+)?|localhost(:\\d+)?)/(?<path>[a-z0-9._/-]+)"
                    + "(:(?<tag>[A-Za-z0-9._-]+))?(@(?<digest>sha256:[0-9a-f]{64}))?");

    @Test
    void theBaseNamesEachServiceImageWithoutRegistryOrTag() {
        Rendered base = Overlay.BASE.render();
        for (AegisService service : AegisService.values()) {
            Map<String, Object> container = base.workload(service.module).container(service.module);
            assertEquals("aegisspeed/" + service.module, container.get("image"), service.module);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Overlay.class, names = {"DEV", "PROD"})
    void everyImageNamesItsRegistry(Overlay overlay) {
        for (Rendered.Workload workload : overlay.render().workloads()) {
            for (Map<String, Object> container : workload.containers()) {
                String image = String.valueOf(container.get("image"));
                Matcher matcher = QUALIFIED.matcher(image);
                assertTrue(matcher.matches(), workload.name() + " image " + image + " is not fully qualified");
                assertTrue(matcher.group("tag") != null || matcher.group("digest") != null,
                        workload.name() + " image " + image + " names no release");
            }
        }
    }

    @Test
    void prodRunsNoSnapshotOrLatestTagAndNoPublicRegistryForTheServices() {
        Rendered prod = Overlay.PROD.render();
        for (AegisService service : AegisService.values()) {
            String image = String.valueOf(prod.workload(service.module).container(service.module).get("image"));
            Matcher matcher = QUALIFIED.matcher(image);
            assertTrue(matcher.matches(), image);
            assertFalse(matcher.group("registry").equals("docker.io") || matcher.group("registry").equals("localhost"),
                    service.module + " image " + image);
            String tag = String.valueOf(matcher.group("tag"));
            assertFalse(tag.contains("SNAPSHOT") || tag.equals("latest"), service.module + " image " + image);
        }
    }
}
