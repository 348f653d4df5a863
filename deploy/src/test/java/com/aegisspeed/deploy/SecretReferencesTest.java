package com.aegisspeed.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every Secret the manifests reference is either declared by the overlay (dev's generated placeholders) or
 * listed, with the key used, in deploy/README.md for the operator to create. Every ConfigMap referenced is
 * declared. prod declares no Secret at all, and no ConfigMap carries something that looks secret.
 */
class SecretReferencesTest {

    private static final Pattern SECRET_LOOKING = Pattern.compile("(?i).*(password|secret|signing|private|token|credential).*");

    /** {@code optional}: Kubernetes starts the pod without the key (e.g. the previous internal secret, set while rotating). */
    record SecretUse(String where, String secret, String key, boolean optional) {
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyReferencedSecretIsDeclaredOrDocumented(Overlay overlay) {
        Rendered rendered = overlay.render();
        Map<String, List<String>> documented = OperatorSecrets.documented();
        List<SecretUse> uses = secretUses(rendered);
        assertFalse(uses.isEmpty());
        for (SecretUse use : uses) {
            boolean declared = rendered.secretData(use.secret())
                    .map(data -> use.key() == null || data.containsKey(use.key())).orElse(false);
            boolean documentedForOperator = documented.containsKey(use.secret())
                    && (use.key() == null || documented.get(use.secret()).contains(use.key()));
            boolean optionalKeyOfADeclaredSecret = use.optional() && rendered.secretData(use.secret()).isPresent();
            assertTrue(declared || documentedForOperator || optionalKeyOfADeclaredSecret, use.where() + " uses Secret " + use.secret()
                    + (use.key() == null ? "" : " key " + use.key())
                    + ", which the overlay does not declare and deploy/README.md does not list under \""
                    + OperatorSecrets.HEADING + "\"");
        }
    }

    @Test
    void everyDocumentedSecretIsUsedInProduction() {
        Set<String> usedInProd = new HashSet<>();
        secretUses(Overlay.PROD.render()).forEach(use -> usedInProd.add(use.secret()));
        for (String documented : OperatorSecrets.documented().keySet()) {
            assertTrue(usedInProd.contains(documented), "deploy/README.md lists Secret " + documented
                    + ", which the prod overlay never uses");
        }
    }

    @Test
    void productionDeclaresNoSecretValue() {
        assertEquals(List.of(), Overlay.PROD.render().ofKind("Secret").stream().map(Rendered::nameOf).toList());
    }

    @Test
    void developmentSecretsAreObviousPlaceholders() {
        for (Map<String, Object> secret : Overlay.DEV.render().ofKind("Secret")) {
            Yamls.map(secret, "data").forEach((key, base64) -> {
                if (SECRET_LOOKING.matcher(key).matches()) {
                    String value = new String(Base64.getMimeDecoder().decode(String.valueOf(base64)),
                            StandardCharsets.UTF_8);
                    assertTrue(value.startsWith("dev-only-"), Rendered.nameOf(secret) + " " + key
                            + " must be an obvious dev-only placeholder");
                }
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyReferencedConfigMapIsDeclaredWithTheKeysRead(Overlay overlay) {
        Rendered rendered = overlay.render();
        for (Rendered.Workload workload : rendered.workloads()) {
            for (Map<String, Object> container : workload.containers()) {
                // Resolving the environment fails on any ConfigMap or key that is not rendered.
                rendered.environment(container);
            }
            for (Map<String, Object> volume : Yamls.list(workload.podSpec(), "volumes")) {
                String configMap = Yamls.string(volume, "configMap", "name");
                if (configMap != null) {
                    assertTrue(rendered.configMapData(configMap).isPresent(),
                            workload.name() + " mounts ConfigMap " + configMap + ", which is not rendered");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void configMapsHoldNothingSecretLooking(Overlay overlay) {
        for (Map<String, Object> configMap : overlay.render().ofKind("ConfigMap")) {
            for (String key : Yamls.map(configMap, "data").keySet()) {
                assertFalse(SECRET_LOOKING.matcher(key).matches(),
                        "ConfigMap " + Rendered.nameOf(configMap) + " holds " + key + ": secrets belong in Secrets");
            }
        }
    }

    static List<SecretUse> secretUses(Rendered rendered) {
        List<SecretUse> uses = new ArrayList<>();
        for (Rendered.Workload workload : rendered.workloads()) {
            for (Map<String, Object> container : workload.containers()) {
                String where = workload.name() + "/" + container.get("name");
                rendered.environment(container).forEach((variable, value) -> {
                    if (value instanceof Rendered.EnvValue.FromSecret fromSecret) {
                        uses.add(new SecretUse(where + " " + variable, fromSecret.secret(), fromSecret.key(), fromSecret.optional()));
                    }
                });
                Rendered.secretsTakenWhole(container).forEach(secret -> uses.add(new SecretUse(where + " envFrom", secret, null, false)));
            }
            for (Map<String, Object> volume : Yamls.list(workload.podSpec(), "volumes")) {
                String secret = Yamls.string(volume, "secret", "secretName");
                if (secret != null) {
                    uses.add(new SecretUse(workload.name() + " volume " + volume.get("name"), secret, null, false));
                }
            }
        }
        for (Map<String, Object> ingress : rendered.ofKind("Ingress")) {
            for (Map<String, Object> tls : Yamls.list(ingress, "spec", "tls")) {
                uses.add(new SecretUse("Ingress " + Rendered.nameOf(ingress) + " TLS",
                        Yamls.string(tls, "secretName"), "tls.crt", false));
            }
        }
        return uses;
    }
}
