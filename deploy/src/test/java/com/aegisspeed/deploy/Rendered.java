package com.aegisspeed.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;

/** The objects one {@code kubectl kustomize} run printed, with the look-ups the checks need. */
final class Rendered {

    private final List<Map<String, Object>> objects;

    private Rendered(List<Map<String, Object>> objects) {
        this.objects = objects;
    }

    @SuppressWarnings("unchecked")
    static Rendered parse(String multiDocumentYaml) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml().loadAll(multiDocumentYaml)) {
            if (document != null) {
                objects.add((Map<String, Object>) document);
            }
        }
        return new Rendered(objects);
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(object -> name.equals(nameOf(object))).findFirst();
    }

    Map<String, Object> get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " rendered"));
    }

    static String nameOf(Map<String, Object> object) {
        return Yamls.string(object, "metadata", "name");
    }

    /** Deployments and StatefulSets: everything that runs containers. */
    List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            Object kind = object.get("kind");
            if ("Deployment".equals(kind) || "StatefulSet".equals(kind)) {
                workloads.add(new Workload(String.valueOf(kind), nameOf(object), object));
            }
        }
        return workloads;
    }

    Workload workload(String name) {
        return workloads().stream().filter(workload -> workload.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment or StatefulSet named " + name + " rendered"));
    }

    /** data plus stringData, undecoded: the keys are what the checks look at. */
    Optional<Map<String, Object>> secretData(String name) {
        return find("Secret", name).map(secret -> {
            Map<String, Object> data = new LinkedHashMap<>(Yamls.map(secret, "data"));
            data.putAll(Yamls.map(secret, "stringData"));
            return data;
        });
    }

    Optional<Map<String, Object>> configMapData(String name) {
        return find("ConfigMap", name).map(configMap -> Yamls.map(configMap, "data"));
    }

    /**
     * The environment a container starts with, as Kubernetes builds it: envFrom sources in order, then env
     * entries, later ones winning. ConfigMap values are looked up (a missing ConfigMap fails the check).
     */
    Map<String, EnvValue> environment(Map<String, Object> container) {
        Map<String, EnvValue> environment = new LinkedHashMap<>();
        for (Map<String, Object> source : Yamls.list(container, "envFrom")) {
            String configMap = Yamls.string(source, "configMapRef", "name");
            if (configMap != null) {
                Map<String, Object> data = configMapData(configMap).orElseThrow(
                        () -> new AssertionError("envFrom names ConfigMap " + configMap + ", which is not rendered"));
                data.forEach((key, value) -> environment.put(key, new EnvValue.FromConfigMap(configMap, key,
                        String.valueOf(value))));
            }
        }
        for (Map<String, Object> variable : Yamls.list(container, "env")) {
            String name = Yamls.string(variable, "name");
            if (variable.containsKey("value")) {
                environment.put(name, new EnvValue.Literal(Yamls.string(variable, "value")));
                continue;
            }
            Map<String, Object> secretRef = Yamls.map(variable, "valueFrom", "secretKeyRef");
            Map<String, Object> configMapRef = Yamls.map(variable, "valueFrom", "configMapKeyRef");
            if (!secretRef.isEmpty()) {
                environment.put(name, new EnvValue.FromSecret(Yamls.string(secretRef, "name"),
                        Yamls.string(secretRef, "key"), Boolean.TRUE.equals(secretRef.get("optional"))));
            } else if (!configMapRef.isEmpty()) {
                String configMap = Yamls.string(configMapRef, "name");
                String key = Yamls.string(configMapRef, "key");
                Object value = configMapData(configMap).map(data -> data.get(key)).orElseThrow(
                        () -> new AssertionError(name + " reads ConfigMap " + configMap + " key " + key
                                + ", which is not rendered"));
                environment.put(name, new EnvValue.FromConfigMap(configMap, key, String.valueOf(value)));
            } else {
                environment.put(name, new EnvValue.Other(variable));
            }
        }
        return environment;
    }

    /** Secrets a container takes whole through envFrom. */
    static List<String> secretsTakenWhole(Map<String, Object> container) {
        return Yamls.list(container, "envFrom").stream()
                .map(source -> Yamls.string(source, "secretRef", "name"))
                .filter(name -> name != null)
                .toList();
    }

    record Workload(String kind, String name, Map<String, Object> object) {

        Map<String, Object> podSpec() {
            return Yamls.map(object, "spec", "template", "spec");
        }

        Map<String, Object> podLabels() {
            return Yamls.map(object, "spec", "template", "metadata", "labels");
        }

        List<Map<String, Object>> containers() {
            List<Map<String, Object>> containers = new ArrayList<>(Yamls.list(podSpec(), "initContainers"));
            containers.addAll(Yamls.list(podSpec(), "containers"));
            return containers;
        }

        Map<String, Object> container(String containerName) {
            return containers().stream().filter(c -> containerName.equals(c.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " has no container " + containerName));
        }

        /** The aegis service this workload runs, if it runs one. */
        Optional<AegisService> service() {
            return AegisService.byModule(name);
        }

        /** The numeric port a probe or Service names, resolving a port name against the container ports. */
        Optional<Integer> resolvePort(Object port) {
            if (port instanceof Integer number) {
                return Optional.of(number);
            }
            for (Map<String, Object> container : containers()) {
                for (Map<String, Object> containerPort : Yamls.list(container, "ports")) {
                    if (String.valueOf(port).equals(containerPort.get("name"))) {
                        return Optional.of((Integer) containerPort.get("containerPort"));
                    }
                }
            }
            return Optional.empty();
        }
    }

    sealed interface EnvValue {
        record Literal(String value) implements EnvValue {
        }

        record FromConfigMap(String configMap, String key, String value) implements EnvValue {
        }

        record FromSecret(String secret, String key, boolean optional) implements EnvValue {
        }

        record Other(Map<String, Object> definition) implements EnvValue {
        }
    }
}
