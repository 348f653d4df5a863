package com.aegisspeed.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Replicas come and go safely: an autoscaler per service (not in dev, one replica each), a disruption budget
 * that lets drains proceed one pod at a time, rolling updates that keep capacity, and a termination grace
 * longer than the services' own 20 s graceful shutdown plus the preStop pause.
 */
class ScalingTest {

    private static final int SERVICE_GRACE_SECONDS = 20;

    @ParameterizedTest
    @EnumSource(value = Overlay.class, names = {"BASE", "PROD"})
    void anAutoscalerOwnsTheReplicaCountOfEveryService(Overlay overlay) {
        Rendered rendered = overlay.render();
        int minimum = overlay == Overlay.PROD ? 3 : 2;
        for (AegisService service : AegisService.values()) {
            Map<String, Object> hpa = rendered.get("HorizontalPodAutoscaler", service.module);
            assertEquals(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", service.module),
                    Yamls.map(hpa, "spec", "scaleTargetRef"));
            int minReplicas = (Integer) Yamls.at(hpa, "spec", "minReplicas");
            int maxReplicas = (Integer) Yamls.at(hpa, "spec", "maxReplicas");
            assertTrue(minReplicas >= minimum, service.module + " minReplicas " + minReplicas);
            assertTrue(maxReplicas > minReplicas, service.module + " maxReplicas " + maxReplicas);
            assertEquals("cpu", Yamls.at(Yamls.list(hpa, "spec", "metrics").get(0), "resource", "name"));
            assertFalse(Yamls.map(rendered.get("Deployment", service.module), "spec").containsKey("replicas"),
                    service.module + ": a replicas field would fight the autoscaler on every apply");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Overlay.class, names = "DEV")
    void devRunsOneReplicaOfEverythingWithoutAutoscaling(Overlay overlay) {
        Rendered rendered = overlay.render();
        assertEquals(List.of(), rendered.ofKind("HorizontalPodAutoscaler"));
        for (Rendered.Workload workload : rendered.workloads()) {
            assertEquals(1, Yamls.at(workload.object(), "spec", "replicas"), workload.name());
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void drainsAndRolloutsKeepServing(Overlay overlay) {
        Rendered rendered = overlay.render();
        for (AegisService service : AegisService.values()) {
            Rendered.Workload workload = rendered.workload(service.module);
            Map<String, Object> pdb = rendered.get("PodDisruptionBudget", service.module);
            assertEquals(1, Yamls.at(pdb, "spec", "maxUnavailable"), service.module + " PDB");
            assertEquals("AlwaysAllow", Yamls.at(pdb, "spec", "unhealthyPodEvictionPolicy"),
                    service.module + " PDB: a never-ready pod does not block drains");
            Map<String, Object> selector = Yamls.map(pdb, "spec", "selector", "matchLabels");
            assertTrue(!selector.isEmpty() && workload.podLabels().entrySet().containsAll(selector.entrySet()),
                    service.module + " PDB selects its pods");

            assertEquals(0, Yamls.at(workload.object(), "spec", "strategy", "rollingUpdate", "maxUnavailable"),
                    service.module + " rolling update keeps every ready pod until its replacement is ready");

            List<?> preStop = (List<?>) Yamls.at(workload.container(service.module), "lifecycle", "preStop", "exec", "command");
            int pause = Integer.parseInt(String.valueOf(preStop.get(preStop.size() - 1)));
            int grace = (Integer) Yamls.at(workload.podSpec(), "terminationGracePeriodSeconds");
            assertTrue(grace > pause + SERVICE_GRACE_SECONDS, service.module + " terminationGracePeriodSeconds " + grace);
        }
    }

    /** The connections all five services may hold at their replica ceilings; deploy/README.md states the same. */
    static final int CONNECTION_BUDGET = 250;

    @ParameterizedTest
    @EnumSource(value = Overlay.class, names = {"BASE", "PROD"})
    void everyReplicaAtTheCeilingPlusRolloutSurgeFitsTheConnectionBudget(Overlay overlay) {
        Rendered rendered = overlay.render();
        int total = 0;
        for (AegisService service : AegisService.values()) {
            Rendered.Workload workload = rendered.workload(service.module);
            int maxReplicas = (Integer) Yamls.at(rendered.get("HorizontalPodAutoscaler", service.module), "spec", "maxReplicas");
            int surge = (Integer) Yamls.at(workload.object(), "spec", "strategy", "rollingUpdate", "maxSurge");
            Rendered.EnvValue pool = rendered.environment(workload.container(service.module)).get("AEGIS_DB_POOL_SIZE");
            assertInstanceOf(Rendered.EnvValue.FromConfigMap.class, pool, service.module + " AEGIS_DB_POOL_SIZE");
            total += (maxReplicas + surge) * Integer.parseInt(((Rendered.EnvValue.FromConfigMap) pool).value());
        }
        assertTrue(total <= CONNECTION_BUDGET, overlay + ": " + total + " connections at the replica ceilings");
        assertTrue(Repository.read(Repository.deploy().resolve("README.md")).contains(CONNECTION_BUDGET + " connections"),
                "deploy/README.md states the budget");
        assertTrue(Repository.read(Repository.root().resolve("common/src/main/resources/aegis-defaults.yml"))
                .contains("maximum-pool-size: ${AEGIS_DB_POOL_SIZE:"), "the services size their pool from AEGIS_DB_POOL_SIZE");
    }
}
