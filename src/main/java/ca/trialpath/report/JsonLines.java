package ca.trialpath.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One pass over a JSON Lines file, one object at a time, so a pass holds one line in memory, never the file. */
final class JsonLines {

    /** What a pass does with each object; may write, hence the {@link IOException}. */
    @FunctionalInterface
    interface LineVisitor {
        void visit(JsonNode node) throws IOException;
    }

    private final JsonMapper mapper;

    JsonLines(JsonMapper mapper) {
        this.mapper = mapper;
    }

    interface OrdinalLineVisitor {
        void visit(long ordinal, JsonNode node) throws IOException;
    }

    @FunctionalInterface
    private interface RawLineVisitor {
        void visit(long lineNumber, String line) throws IOException;
    }

    /** Lines of the form {@code <json object>}. */
    void forEach(Path file, LineVisitor visitor) throws IOException {
        forEachLine(file, (lineNumber, line) -> visitor.visit(parseObject(file, lineNumber, line)));
    }

    /** Lines of the form {@code <ordinal> <json object>} (see {@link ReportFeeds}). */
    void forEachWithOrdinal(Path file, OrdinalLineVisitor visitor) throws IOException {
        forEachLine(file, (lineNumber, line) -> {
            int space = line.indexOf(' ');
            long ordinal;
            try {
                ordinal = Long.parseLong(line.substring(0, Math.max(space, 0)));
            } catch (NumberFormatException e) {
                throw new IOException(file.getFileName() + " line " + lineNumber + " does not start with an ordinal");
            }
            visitor.visit(ordinal, parseObject(file, lineNumber, line.substring(space + 1)));
        });
    }

    private static void forEachLine(Path file, RawLineVisitor visitor) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (!line.isBlank()) {
                    visitor.visit(lineNumber, line);
                }
            }
        }
    }

    private JsonNode parseObject(Path file, long lineNumber, String line) throws IOException {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JacksonException e) {
            throw new IOException(file.getFileName() + " line " + lineNumber + " is not JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IOException(file.getFileName() + " line " + lineNumber + " is not a JSON object");
        }
        return node;
    }

    /** The text of a scalar field; {@code null} when the field is absent or JSON null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return value.isValueNode() ? value.asString() : value.toString();
    }

    /** The items of a list field; empty when the field is absent or JSON null. */
    static List<String> list(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        List<String> items = new ArrayList<>();
        if (value == null || value.isNull() || value.isMissingNode()) {
            return items;
        }
        if (!value.isArray()) {
            items.add(value.isValueNode() ? value.asString() : value.toString());
            return items;
        }
        for (JsonNode item : value.values()) {
            if (item != null && !item.isNull()) {
                items.add(item.isValueNode() ? item.asString() : item.toString());
            }
        }
        return items;
    }
}
