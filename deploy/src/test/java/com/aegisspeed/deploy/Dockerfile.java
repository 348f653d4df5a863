package com.aegisspeed.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The instructions of a Dockerfile: comments dropped, continuation lines joined, keywords upper-cased. */
record Dockerfile(List<Instruction> instructions) {

    record Instruction(String keyword, String arguments) {
    }

    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"((?:[^\"\\\\]|\\\\.)*)\"|\\S+)");

    static Dockerfile parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String instruction = pending.toString().strip();
            pending.setLength(0);
            if (instruction.isEmpty()) {
                continue;
            }
            String[] parts = instruction.split("\\s+", 2);
            instructions.add(new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : ""));
        }
        return new Dockerfile(instructions);
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** The instructions of the last stage: what the image is. */
    Dockerfile finalStage() {
        int lastFrom = -1;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                lastFrom = i;
            }
        }
        if (lastFrom < 0) {
            throw new AssertionError("no FROM");
        }
        return new Dockerfile(instructions.subList(lastFrom, instructions.size()));
    }

    /** The single instruction of that keyword in this stage. */
    String only(String keyword) {
        List<Instruction> found = all(keyword);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + keyword + ", found " + found.size());
        }
        return found.get(0).arguments();
    }

    /** Every variable the stage's ENV instructions set (KEY=value form). */
    Map<String, String> environment() {
        return assignments("ENV");
    }

    Map<String, String> assignments(String keyword) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (Instruction instruction : all(keyword)) {
            Matcher matcher = ASSIGNMENT.matcher(instruction.arguments());
            while (matcher.find()) {
                variables.put(matcher.group(1), matcher.group(3) != null ? matcher.group(3) : matcher.group(2));
            }
        }
        return variables;
    }
}
