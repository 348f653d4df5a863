package com.aegisspeed.system;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;

/**
 * A reproducible generator of hostile request bodies and query strings: from a template of valid field values it
 * derives bodies with wrong types, huge strings (up to and beyond the 64 KiB limit), unicode (lone and reversed
 * surrogates, right-to-left and zero-width characters, emoji, full-width digits, homoglyphs, NUL), nulls, deep
 * nesting, arrays instead of objects, SQL and script fragments, duplicate and unknown keys, missing fields, broken
 * JSON and invalid UTF-8, empty bodies and wrong content types. One {@link Random} per endpoint, seeded from the
 * run's seed and the path, so the same seed sends the same hostile bodies again (only the fresh names, numbers and
 * codes the templates need differ), whatever order threads ran in.
 */
final class HostileBodies {

    /** The 64 KiB body limit every service and the gateway enforce (README: {@code max-request-size}). */
    static final int BODY_LIMIT = 64 * 1024;

    private static final String JSON = "application/json";
    private static final List<String> SQL = List.of(
            "' OR '1'='1", "' OR 1=1 -- ", "'; DROP TABLE users; --", "\" OR \"\"=\"", "1; SELECT SLEEP(10)",
            "' UNION SELECT password_hash FROM users -- ", "admin'/*", "1' AND (SELECT 1 FROM (SELECT SLEEP(5))x)-- ",
            "\\'; SHUTDOWN; --", "%' AND 1=0 UNION SELECT NULL,NULL -- ", "') OR ('a'='a", "1e1' OR 'x'='x");
    private static final List<String> SCRIPT = List.of(
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "{{7*7}}", "${7*7}",
            "${jndi:ldap://127.0.0.1:1389/a}", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%00",
            "%s%s%s%n", "$(reboot)", "`id`", "javascript:alert(1)", "\r\nX-Injected: 1", "<!--#exec cmd=\"ls\"-->",
            "#{7*7}", "__proto__", "\u0000\u0000");
    private static final List<String> WRONG_TYPES = List.of(
            "0", "-1", "1.5", "1e400", "-1e400", "123456789012345678901234567890", "true", "false", "null", "[]", "{}",
            "[\"x\"]", "{\"$ne\":null}", "{\"$gt\":\"\"}", "[[[]]]", "-0", "0.0000000000000000000001");
    private static final List<String> EXTRA_FIELDS = List.of(
            "\"user_role\":\"超级管理员\"", "\"roles\":[\"超级管理员\"]", "\"user_state\":\"active\"", "\"is_cheater\":false",
            "\"public_id\":\"00000000-0000-0000-0000-000000000000\"", "\"__proto__\":{\"admin\":true}",
            "\"constructor\":{\"prototype\":{\"admin\":true}}", "\"status\":200", "\"code\":\"10000\"",
            "\"user_AegisSpeed_id\":\"ASD000001\"", "\"password_hash\":\"x\"", "\"\":\"\"");
    private static final List<String> CONTENT_TYPES = List.of(
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz",
            "application/octet-stream", "text/json", "application/json; charset=utf-16", "application/json;charset=ISO-8859-1",
            "application/vnd.api+json", "application/json, text/plain", "*/*", "application/javascript", "json",
            "APPLICATION/JSON", "application/json; foo=\"bar", ";;;");

    /** A generated body: what kind of hostility, its content type (null: no header) and bytes (null: no body). */
    record Body(String kind, String contentType, byte[] bytes, boolean chunked) {

        int length() {
            return bytes == null ? 0 : bytes.length;
        }

        /** Short enough for a failure message. */
        String preview() {
            if (bytes == null) {
                return kind + " (no body, content type " + contentType + ")";
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            String shown = text.length() > 300 ? text.substring(0, 300) + "…(" + bytes.length + " bytes)" : text;
            return kind + " [" + contentType + (chunked ? ", chunked" : "") + "] " + shown;
        }
    }

    private final Random random;

    HostileBodies(long seed, String stream) {
        this.random = new Random(seed ^ (long) stream.hashCode() * 0x9E3779B97F4A7C15L);
    }

    /**
     * The next hostile body for an endpoint whose valid body is {@code template} (field to String, Number, Boolean
     * or List of Strings). Rarely the template itself, as a control that the endpoint accepts good input.
     */
    Body next(Map<String, Object> template) {
        int roll = random.nextInt(100);
        if (roll < 32) {
            String field = pick(template);
            return json("field " + field + " hostile", withField(template, field, hostileValue(template.get(field))));
        }
        if (roll < 36) {
            Map<String, String> fields = new LinkedHashMap<>();
            template.forEach((name, value) -> fields.put(name, hostileValue(value)));
            return json("every field hostile", object(fields));
        }
        if (roll < 42) {
            Map<String, String> fields = encoded(template);
            fields.keySet().removeIf(name -> random.nextBoolean() || fields.size() == 1);
            return json("fields missing", object(fields));
        }
        if (roll < 47) {
            String extra = EXTRA_FIELDS.get(random.nextInt(EXTRA_FIELDS.size()));
            String body = object(encoded(template));
            return json("unknown field " + extra, body.length() > 2
                    ? "{" + extra + "," + body.substring(1) : "{" + extra + "}");
        }
        if (roll < 55) {
            return duplicateKey(template);
        }
        if (roll < 61) {
            return topLevel(template);
        }
        if (roll < 72) {
            return notJson(template);
        }
        if (roll < 76) {
            return deep(template);
        }
        if (roll < 82) {
            return huge(template);
        }
        if (roll < 91) {
            return contentType(template);
        }
        if (roll < 95) {
            return empty();
        }
        if (roll < 98) {
            return json("unicode in every field", unicodeEverywhere(template));
        }
        return json("valid (control)", object(encoded(template)));
    }

    /** A hostile query string (without {@code ?}) for an endpoint taking {@code template} parameters. */
    String nextQuery(Map<String, String> template) {
        int roll = random.nextInt(10);
        List<String> names = new ArrayList<>(template.keySet());
        StringJoiner query = new StringJoiner("&");
        if (roll < 6 && !names.isEmpty()) {
            String hostile = names.get(random.nextInt(names.size()));
            template.forEach((name, value) -> query.add(name + "=" + urlEncode(name.equals(hostile)
                    ? hostileText(value) : value)));
        } else if (roll < 7 && !names.isEmpty()) {
            String name = names.get(random.nextInt(names.size()));
            query.add(name + "=" + urlEncode(template.get(name))).add(name + "=" + urlEncode(hostileText(template.get(name))));
        } else if (roll < 8) {
            query.add(urlEncode(hostileText("x")) + "=" + urlEncode(hostileText("y")));
        } else if (roll < 9 && !names.isEmpty()) {
            query.add(names.get(random.nextInt(names.size())));
        } else {
            template.forEach((name, value) -> query.add(name + "=" + urlEncode(value)));
        }
        return query.toString();
    }

    /** A text an attacker might put in a query parameter (plain, not yet encoded). */
    private String hostileText(String valid) {
        return switch (random.nextInt(6)) {
            case 0 -> SQL.get(random.nextInt(SQL.size()));
            case 1 -> SCRIPT.get(random.nextInt(SCRIPT.size()));
            case 2 -> unicodeVariant(valid);
            case 3 -> nearMiss(valid);
            case 4 -> longText(List.of(0, 1, 100, 2_000).get(random.nextInt(4)));
            default -> List.of("-1", "0", "99999999999999999999", "1e3", "NaN", "", " ", "1.5", "0x10", "+1")
                    .get(random.nextInt(10));
        };
    }

    // ---- structure ---------------------------------------------------------------------------------

    private Body duplicateKey(Map<String, Object> template) {
        String field = pick(template);
        String valid = encode(template.get(field));
        String hostile = hostileValue(template.get(field));
        Map<String, String> fields = encoded(template);
        fields.remove(field);
        String rest = object(fields);
        String pair = random.nextBoolean()
                ? quote(field) + ":" + hostile + "," + quote(field) + ":" + valid
                : quote(field) + ":" + valid + "," + quote(field) + ":" + hostile;
        return json("duplicate key " + field, rest.length() > 2 ? "{" + pair + "," + rest.substring(1) : "{" + pair + "}");
    }

    private Body topLevel(Map<String, Object> template) {
        String object = object(encoded(template));
        List<String> bodies = List.of("null", "true", "0", "-1.5e9", "\"" + "a".repeat(10) + "\"", "[]", "[" + object + "]",
                "[" + object + "," + object + "]", "[null]", "\"" + object.replace("\"", "\\\"") + "\"");
        return json("not an object", bodies.get(random.nextInt(bodies.size())));
    }

    private Body notJson(Map<String, Object> template) {
        String object = object(encoded(template));
        int choice = random.nextInt(16);
        return switch (choice) {
            case 0 -> bytes("random bytes", JSON, randomBytes(1 + random.nextInt(300)));
            case 1 -> json("truncated JSON", object.substring(0, Math.max(1, random.nextInt(object.length()))));
            case 2 -> json("single quotes", object.replace('"', '\''));
            case 3 -> json("unquoted keys", object.replaceAll("\"([a-zA-Z_]+)\":", "$1:"));
            case 4 -> json("trailing comma", object.substring(0, object.length() - 1) + ",}");
            case 5 -> json("comments", "/* hostile */" + object + "// end");
            case 6 -> json("NaN and Infinity", object.length() > 2
                    ? "{\"n\":NaN,\"i\":-Infinity," + object.substring(1) : "{\"n\":NaN}");
            case 7 -> json("two objects", object + object);
            case 8 -> json("trailing garbage", object + " garbage");
            case 9 -> bytes("invalid UTF-8 in a string", JSON, invalidUtf8(template));
            case 10 -> bytes("UTF-16 encoded", JSON, object.getBytes(StandardCharsets.UTF_16));
            case 11 -> bytes("byte order mark", JSON, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    object.getBytes(StandardCharsets.UTF_8)));
            case 12 -> bytes("NUL before JSON", JSON, concat(new byte[] {0}, object.getBytes(StandardCharsets.UTF_8)));
            case 13 -> json("whitespace only", " \t\r\n ".repeat(1 + random.nextInt(50)));
            case 14 -> json("unterminated string", "{\"" + pick(template) + "\":\"abc");
            default -> json("control characters raw in a string", "{\"" + pick(template) + "\":\"a\u0001\u0008\u001fb\"}");
        };
    }

    private Body deep(Map<String, Object> template) {
        int depth = List.of(64, 256, 1_001, 5_000, 20_000).get(random.nextInt(5));
        String nested = random.nextBoolean()
                ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        if (random.nextBoolean()) {
            return json("nested " + depth + " deep", nested);
        }
        return json("field nested " + depth + " deep", withField(template, pick(template), nested));
    }

    private Body huge(Map<String, Object> template) {
        int size = List.of(16 * 1024, BODY_LIMIT - 1, BODY_LIMIT, BODY_LIMIT + 1, 100_000, 1_000_000)
                .get(random.nextInt(6));
        String field = pick(template);
        Map<String, String> fields = encoded(template);
        fields.put(field, "\"\"");
        int overhead = object(fields).getBytes(StandardCharsets.UTF_8).length;
        String body = withField(template, field, quote("x".repeat(Math.max(0, size - overhead))));
        boolean chunked = size > BODY_LIMIT && random.nextBoolean();
        return new Body("body of " + size + " bytes", JSON, body.getBytes(StandardCharsets.UTF_8), chunked);
    }

    private Body contentType(Map<String, Object> template) {
        String type = CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
        if (random.nextInt(4) == 0) {
            StringJoiner form = new StringJoiner("&");
            template.forEach((name, value) -> form.add(name + "=" + urlEncode(String.valueOf(value))));
            return bytes("form body as " + type, type, form.toString().getBytes(StandardCharsets.UTF_8));
        }
        if (random.nextInt(5) == 0) {
            return bytes("JSON without content type", null, object(encoded(template)).getBytes(StandardCharsets.UTF_8));
        }
        return bytes("JSON as " + type, type, object(encoded(template)).getBytes(StandardCharsets.UTF_8));
    }

    private Body empty() {
        return switch (random.nextInt(3)) {
            case 0 -> new Body("no body", JSON, null, false);
            case 1 -> new Body("no body, no content type", null, null, false);
            default -> bytes("empty body", JSON, new byte[0]);
        };
    }

    private String unicodeEverywhere(Map<String, Object> template) {
        Map<String, String> fields = new LinkedHashMap<>();
        template.forEach((name, value) -> fields.put(name, quote(unicodeVariant(String.valueOf(value)))));
        return object(fields);
    }

    // ---- values ------------------------------------------------------------------------------------

    /** A JSON value (text) for a field whose valid value is {@code valid}. */
    private String hostileValue(Object valid) {
        String text = valid instanceof String s ? s : valid == null ? "x" : String.valueOf(valid);
        int roll = random.nextInt(100);
        if (roll < 22) {
            String wrong = WRONG_TYPES.get(random.nextInt(WRONG_TYPES.size()));
            if (random.nextInt(4) == 0 && text.matches("[0-9]{1,30}")) {
                return text; // the digits as a number where a string goes
            }
            return random.nextInt(5) == 0 ? "[" + encode(valid == null ? text : valid) + "]" : wrong;
        }
        if (roll < 42) {
            return random.nextInt(3) == 0 ? loneSurrogates(text) : quote(unicodeVariant(text));
        }
        if (roll < 55) {
            String sql = SQL.get(random.nextInt(SQL.size()));
            return quote(random.nextBoolean() ? sql : text + sql);
        }
        if (roll < 66) {
            String script = SCRIPT.get(random.nextInt(SCRIPT.size()));
            return quote(random.nextBoolean() ? script : text + script);
        }
        if (roll < 80) {
            return quote(nearMiss(text));
        }
        if (roll < 93) {
            return quote(longText(List.of(0, 1, 7, 8, 9, 31, 33, 63, 65, 127, 129, 255, 256, 1_025, 2_049, 4_097, 20_000)
                    .get(random.nextInt(17))));
        }
        return quote(text) + " ".repeat(random.nextInt(3)); // the valid value itself, oddly spaced
    }

    private String unicodeVariant(String valid) {
        int at = valid.isEmpty() ? 0 : random.nextInt(valid.length() + 1);
        return switch (random.nextInt(14)) {
            case 0 -> "\u202E" + valid;                                          // right-to-left override
            case 1 -> valid.substring(0, at) + "\u200B" + valid.substring(at);    // zero-width space
            case 2 -> "\uFEFF" + valid;                                          // byte order mark
            case 3 -> fullWidth(valid);                                          // １２３ instead of 123
            case 4 -> valid.replace('0', '٠').replace('1', '١').replace('2', '٢'); // Arabic-Indic digits
            case 5 -> valid + "\u0301\u0301";                                    // combining accents
            case 6 -> valid.substring(0, at) + "😀" + valid.substring(at);        // emoji (a surrogate pair)
            case 7 -> valid.substring(0, at) + "\u0000" + valid.substring(at);    // NUL
            case 8 -> homoglyphs(valid);                                         // Cyrillic look-alikes
            case 9 -> valid + "\uFFFF\uFFFE";                                    // non-characters
            case 10 -> "𝕬𝖊𝖌𝖎𝖘" + valid + "👨‍👩‍👧‍👦";                                  // astral letters, ZWJ sequence
            case 11 -> valid.toUpperCase() + "\t\n";
            case 12 -> "\u2028" + valid + "\u2029";                              // line and paragraph separators
            default -> "张三" + valid + "مرحبا" + "\u200F";                       // mixed scripts, RTL mark
        };
    }

    /** A JSON string holding lone or reversed surrogates, which only the JSON escape can carry. */
    private String loneSurrogates(String valid) {
        String escaped = quote(valid);
        String inner = escaped.substring(1, escaped.length() - 1);
        return switch (random.nextInt(4)) {
            case 0 -> "\"" + inner + "\\ud800\"";
            case 1 -> "\"\\udc00" + inner + "\"";
            case 2 -> "\"" + inner + "\\ude00\\ud83d\"";
            default -> "\"\\ud800\\ud800\\udfff" + inner + "\"";
        };
    }

    private String nearMiss(String valid) {
        if (valid.isEmpty()) {
            return "x";
        }
        int at = random.nextInt(valid.length());
        return switch (random.nextInt(8)) {
            case 0 -> valid.substring(0, valid.length() - 1);
            case 1 -> valid.substring(1);
            case 2 -> valid + valid.charAt(at);
            case 3 -> valid.substring(0, at) + (char) (valid.charAt(at) + 1) + valid.substring(at + 1);
            case 4 -> " " + valid + " ";
            case 5 -> valid.toLowerCase();
            case 6 -> valid.repeat(3);
            default -> new StringBuilder(valid).reverse().toString();
        };
    }

    private String longText(int length) {
        String alphabet = switch (random.nextInt(4)) {
            case 0 -> "abcdefghijklmnopqrstuvwxyz0123456789";
            case 1 -> "张王李赵刘陈杨黄";
            case 2 -> "😀🎮🛡";
            default -> "aé\u0000\"\\/\u2028<>'";
        };
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int cp = alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length()))));
            text.appendCodePoint(cp);
        }
        return text.toString();
    }

    private byte[] invalidUtf8(Map<String, Object> template) {
        List<byte[]> broken = List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xE2, (byte) 0x82});
        String field = pick(template);
        Map<String, String> fields = encoded(template);
        fields.put(field, "\"@@\"");
        String[] halves = object(fields).split("@@", 2);
        return concat(concat(halves[0].getBytes(StandardCharsets.UTF_8), broken.get(random.nextInt(broken.size()))),
                halves[1].getBytes(StandardCharsets.UTF_8));
    }

    // ---- JSON text ---------------------------------------------------------------------------------

    private String pick(Map<String, Object> template) {
        List<String> names = new ArrayList<>(template.keySet());
        return names.isEmpty() ? "x" : names.get(random.nextInt(names.size()));
    }

    private static Map<String, String> encoded(Map<String, Object> template) {
        Map<String, String> fields = new LinkedHashMap<>();
        template.forEach((name, value) -> fields.put(name, encode(value)));
        return fields;
    }

    private static String withField(Map<String, Object> template, String field, String jsonValue) {
        Map<String, String> fields = encoded(template);
        fields.put(field, jsonValue);
        return object(fields);
    }

    private static String object(Map<String, String> fields) {
        StringJoiner object = new StringJoiner(",", "{", "}");
        fields.forEach((name, value) -> object.add(quote(name) + ":" + value));
        return object.toString();
    }

    /** A template value as JSON: strings, numbers, booleans, lists of those. */
    static String encode(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return quote(text);
        }
        if (value instanceof List<?> list) {
            StringJoiner array = new StringJoiner(",", "[", "]");
            list.forEach(item -> array.add(encode(item)));
            return array.toString();
        }
        return String.valueOf(value);
    }

    static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !validPairAt(text, i)) {
                        json.append("\\u%04x".formatted((int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private static boolean validPairAt(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    /** {@code text} encoded for a query string or form body. */
    static String urlEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String fullWidth(String text) {
        StringBuilder wide = new StringBuilder();
        text.chars().forEach(c -> wide.append(c >= 0x21 && c <= 0x7E ? (char) (c - 0x21 + 0xFF01) : (char) c));
        return wide.toString();
    }

    private static String homoglyphs(String text) {
        return text.replace('A', 'А').replace('S', 'Ѕ').replace('D', 'Ԁ').replace('a', 'а').replace('e', 'е')
                .replace('o', 'о').replace('c', 'с').replace('x', 'х').replace('1', 'l');
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static Body json(String kind, String text) {
        return new Body(kind, JSON, text.getBytes(StandardCharsets.UTF_8), false);
    }

    private static Body bytes(String kind, String contentType, byte[] bytes) {
        return new Body(kind, contentType, bytes, false);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }
}
