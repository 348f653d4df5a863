package com.aegisspeed.deploy;

import java.util.List;
import java.util.Map;

/** Walking the maps and lists snakeyaml gives. Absent paths answer null, empty map or empty list. */
final class Yamls {

    private Yamls() {
    }

    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        Object value = at(node, path);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object node, String... path) {
        Object value = at(node, path);
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** A list of scalars, as strings. */
    static List<String> strings(Object node, String... path) {
        Object value = at(node, path);
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    static String string(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? null : String.valueOf(value);
    }
}
