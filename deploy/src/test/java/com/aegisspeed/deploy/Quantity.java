package com.aegisspeed.deploy;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes resource quantities of bytes ("64Mi", "1G", "512"), as the manifests write them. */
final class Quantity {

    private static final Pattern QUANTITY = Pattern.compile("(\\d+)(Ki|Mi|Gi|Ti|k|M|G|T)?");
    private static final Map<String, Long> MULTIPLIERS = Map.of(
            "Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30, "Ti", 1L << 40,
            "k", 1_000L, "M", 1_000_000L, "G", 1_000_000_000L, "T", 1_000_000_000_000L);

    private Quantity() {
    }

    static long bytes(String quantity) {
        if (quantity == null) {
            throw new AssertionError("no quantity");
        }
        Matcher matcher = QUANTITY.matcher(quantity);
        if (!matcher.matches()) {
            throw new AssertionError("quantity form not understood by this check: " + quantity);
        }
        long number = Long.parseLong(matcher.group(1));
        return matcher.group(2) == null ? number : number * MULTIPLIERS.get(matcher.group(2));
    }
}
