package cn.creditbank.ledger.api.audit.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Streams the export into a {@link ChainCheck} line by line; nothing but the current line is held in memory. */
final class ExportReader {

    private static final int BUFFER_CHARS = 1 << 16;

    private ExportReader() {
    }

    static void stream(Path export, ChainCheck chain) throws BadUsage, VerificationFailure {
        long lineNumber = 0;
        // Strict decoding: bytes that are not UTF-8 are a finding, not something to replace with U+FFFD and hash.
        var utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(export), utf8), BUFFER_CHARS)) {
            String text;
            while ((text = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                chain.accept(parse(text, lineNumber, chain), lineNumber);
            }
        } catch (CharacterCodingException e) {
            throw new VerificationFailure("line " + (lineNumber + 1) + " or soon after", "编码无效",
                    "the export is not valid UTF-8");
        } catch (IOException e) {
            throw new BadUsage("无法读取文件 / cannot read " + export + ": " + e.getMessage());
        }
    }

    private static ExportLine parse(String text, long lineNumber, ChainCheck chain) throws VerificationFailure {
        try {
            return ExportLineParser.parse(text);
        } catch (MalformedLine e) {
            ExportLine before = chain.last();
            String where = "line " + lineNumber
                    + (before == null ? "" : " (after position " + before.position() + ")");
            throw new VerificationFailure(where, "无法解析", e.getMessage());
        }
    }
}
