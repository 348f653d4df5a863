package com.aegisspeed.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Secrets deploy/README.md tells the operator to create: the table under the heading
 * {@value #HEADING}, one row per Secret, its name and its keys in backticks.
 */
final class OperatorSecrets {

    static final String HEADING = "## Secrets the operator creates";

    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z0-9.-]+)`\\s*\\|([^|]*)\\|");
    private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");

    private OperatorSecrets() {
    }

    /** Secret name to the keys documented for it. */
    static Map<String, List<String>> documented() {
        String readme = Repository.read(Repository.deploy().resolve("README.md"));
        int start = readme.indexOf(HEADING + "\n");
        if (start < 0) {
            throw new AssertionError("deploy/README.md has no section \"" + HEADING + "\"");
        }
        int end = readme.indexOf("\n## ", start + HEADING.length());
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Map<String, List<String>> secrets = new LinkedHashMap<>();
        for (String line : section.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                Matcher keys = QUOTED.matcher(row.group(2));
                secrets.put(row.group(1), keys.results().map(key -> key.group(1)).toList());
            }
        }
        if (secrets.isEmpty()) {
            throw new AssertionError("the section \"" + HEADING + "\" of deploy/README.md lists no Secret");
        }
        return secrets;
    }
}
