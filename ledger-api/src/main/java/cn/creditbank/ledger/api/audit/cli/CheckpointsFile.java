package cn.creditbank.ledger.api.audit.cli;

import cn.creditbank.ledger.projections.audit.Checkpoint;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Signed checkpoints as {@code GET /api/v1/audit/checkpoints} answers them ({@code {"items": [...], ...}}) or as a
 * bare array; several files (pages) may be given. They are few (one per thousands of events), so read whole.
 */
final class CheckpointsFile {

    private CheckpointsFile() {
    }

    static List<Checkpoint> read(List<Path> files) throws BadUsage {
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (Path file : files) {
            JsonNode items = items(file);
            int index = 0;
            for (JsonNode item : items.values()) {
                checkpoints.add(checkpoint(item, file + " item " + index++));
            }
        }
        return checkpoints;
    }

    private static JsonNode items(Path file) throws BadUsage {
        JsonNode root;
        try {
            root = AuditKeys.JSON.readTree(file);
        } catch (JacksonException e) {
            throw new BadUsage("检查点文件无效 / " + file + " is not JSON: " + e.getOriginalMessage());
        }
        JsonNode items = root.isArray() ? root : root.path("items");
        if (!items.isArray()) {
            throw new BadUsage("检查点文件无效 / " + file + " has no checkpoint list ({\"items\": [...]} or [...])");
        }
        return items;
    }

    private static Checkpoint checkpoint(JsonNode item, String where) throws BadUsage {
        return new Checkpoint(integer(item, "chainSequence", where), integer(item, "position", where),
                text(item, "hash", where), instant(item, where), text(item, "keyId", where),
                text(item, "signature", where));
    }

    private static long integer(JsonNode item, String name, String where) throws BadUsage {
        JsonNode value = item.path(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new BadUsage("检查点文件无效 / " + where + ": \"" + name + "\" must be an integer");
        }
        return value.longValue();
    }

    private static String text(JsonNode item, String name, String where) throws BadUsage {
        JsonNode value = item.path(name);
        if (!value.isString()) {
            throw new BadUsage("检查点文件无效 / " + where + ": \"" + name + "\" must be a string");
        }
        return value.stringValue();
    }

    /** Parsed, not kept as text: the signed text writes {@code signedAt} as {@link Instant#toString()} does. */
    private static Instant instant(JsonNode item, String where) throws BadUsage {
        String text = text(item, "signedAt", where);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadUsage("检查点文件无效 / " + where + ": \"signedAt\" is not an ISO-8601 instant: " + text);
        }
    }
}
