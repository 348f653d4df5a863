package com.aegisspeed.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every container of every overlay: resource requests and limits, a non-root user, a read-only root
 * filesystem, no privilege escalation, no capabilities. The services write nowhere but an emptyDir /tmp, and
 * every emptyDir is bounded within the pod's local-disk limit.
 */
class ContainerHardeningTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyContainerHasRequestsAndLimits(Overlay overlay) {
        for (Rendered.Workload workload : overlay.render().workloads()) {
            for (Map<String, Object> container : workload.containers()) {
                String where = workload.name() + "/" + container.get("name");
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory", "ephemeral-storage")) {
                        assertNotNull(Yamls.at(container, "resources", bound, resource), where + " " + bound + "." + resource);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyContainerRunsAsNonRootOnReadOnlyRootWithoutPrivileges(Overlay overlay) {
        for (Rendered.Workload workload : overlay.render().workloads()) {
            Map<String, Object> pod = workload.podSpec();
            assertEquals(Boolean.FALSE, pod.get("automountServiceAccountToken"), workload.name());
            assertFalse(Boolean.TRUE.equals(pod.get("hostNetwork")) || Boolean.TRUE.equals(pod.get("hostPID"))
                    || Boolean.TRUE.equals(pod.get("hostIPC")), workload.name() + " shares a host namespace");
            Map<String, Object> podSecurity = Yamls.map(pod, "securityContext");
            for (Map<String, Object> container : workload.containers()) {
                String where = workload.name() + "/" + container.get("name");
                Map<String, Object> security = Yamls.map(container, "securityContext");
                Object runAsNonRoot = security.getOrDefault("runAsNonRoot", podSecurity.get("runAsNonRoot"));
                assertEquals(Boolean.TRUE, runAsNonRoot, where + " runAsNonRoot");
                Object runAsUser = security.getOrDefault("runAsUser", podSecurity.get("runAsUser"));
                assertNotNull(runAsUser, where + " names its numeric user");
                assertNotEquals(0, runAsUser, where + " runs as root");
                assertEquals(Boolean.TRUE, security.get("readOnlyRootFilesystem"), where + " readOnlyRootFilesystem");
                assertEquals(Boolean.FALSE, security.get("allowPrivilegeEscalation"), where + " allowPrivilegeEscalation");
                assertFalse(Boolean.TRUE.equals(security.get("privileged")), where + " privileged");
                assertEquals(List.of("ALL"), Yamls.at(security, "capabilities", "drop"), where + " drops all capabilities");
                assertTrue(Yamls.strings(security, "capabilities", "add").isEmpty(), where + " adds capabilities");
                String seccomp = Yamls.string(security, "seccompProfile", "type");
                assertEquals("RuntimeDefault", seccomp != null ? seccomp : Yamls.string(podSecurity, "seccompProfile", "type"),
                        where + " seccomp profile");
                for (Map<String, Object> port : Yamls.list(container, "ports")) {
                    assertFalse(port.containsKey("hostPort"), where + " binds a host port");
                }
            }
        }
    }

    /** What the kubelet keeps of one container's log by default: 5 files of 10 MiB (containerLogMaxFiles, -Size). */
    private static final long KUBELET_LOG_BYTES = 5 * 10L << 20;

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyEmptyDirAndTheLogsFitThePodsLocalDiskLimit(Overlay overlay) {
        for (Rendered.Workload workload : overlay.render().workloads()) {
            long emptyDirs = 0;
            for (Map<String, Object> volume : Yamls.list(workload.podSpec(), "volumes")) {
                if (volume.containsKey("emptyDir")) {
                    String sizeLimit = Yamls.string(volume, "emptyDir", "sizeLimit");
                    assertNotNull(sizeLimit, workload.name() + " emptyDir " + volume.get("name") + " has no sizeLimit");
                    emptyDirs += Quantity.bytes(sizeLimit);
                }
            }
            // The pod's limit, as the kubelet computes it: its containers' sum, or an init container's if larger.
            long containers = 0;
            for (Map<String, Object> container : Yamls.list(workload.podSpec(), "containers")) {
                containers += Quantity.bytes(Yamls.string(container, "resources", "limits", "ephemeral-storage"));
            }
            long podLimit = containers;
            for (Map<String, Object> container : Yamls.list(workload.podSpec(), "initContainers")) {
                podLimit = Math.max(podLimit, Quantity.bytes(Yamls.string(container, "resources", "limits", "ephemeral-storage")));
            }
            long logs = KUBELET_LOG_BYTES * workload.containers().size();
            assertTrue(emptyDirs + logs <= podLimit, workload.name() + ": emptyDirs " + emptyDirs + " B and logs " + logs
                    + " B exceed the pod's ephemeral-storage limit of " + podLimit + " B");
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void servicesWriteOnlyToAnEmptyDirTmp(Overlay overlay) {
        for (Rendered.Workload workload : overlay.render().workloads()) {
            if (workload.service().isEmpty()) {
                continue;
            }
            Map<String, Object> container = workload.container(workload.name());
            List<Map<String, Object>> mounts = Yamls.list(container, "volumeMounts");
            assertEquals(1, mounts.size(), workload.name() + " mounts exactly one volume: " + mounts);
            assertEquals("/tmp", mounts.get(0).get("mountPath"), workload.name());
            String volumeName = Yamls.string(mounts.get(0), "name");
            Map<String, Object> volume = Yamls.list(workload.podSpec(), "volumes").stream()
                    .filter(v -> volumeName.equals(v.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(workload.name() + " mounts undeclared volume " + volumeName));
            assertTrue(volume.containsKey("emptyDir"), workload.name() + " /tmp is an emptyDir: " + volume);
            assertNotNull(Yamls.at(volume, "emptyDir", "sizeLimit"), workload.name() + " /tmp has a size limit");
        }
    }
}
