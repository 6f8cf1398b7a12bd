package cn.creditbank.ledger.api.audit.cli;

import cn.creditbank.ledger.api.audit.cli.ExportFixture.Line;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineVerifierTest {

    @TempDir
    Path dir;

    private final ExportFixture export = ExportFixture.fromGenesis().typical(40);
    private CheckpointSigner signer;
    private Path keys;
    private String output;

    @BeforeEach
    void keys() throws Exception {
        signer = new CheckpointSigner("audit-2025");
        keys = write("keys.json", signer.keySet());
    }

    @Test
    void verifiesAnIntactExportWithChineseTextAndEscapes() throws Exception {
        Line last = export.line(39);
        Path checkpoints = write("checkpoints.json", CheckpointSigner.page(
                signer.checkpoint(10, export.line(9).position(), export.line(9).hash()),
                signer.checkpoint(40, last.position(), last.hash())));

        int exit = verify("--export", exportFile().toString(), "--keys", keys.toString(),
                "--checkpoints", checkpoints.toString());

        assertThat(exit).as(output).isZero();
        assertThat(output).startsWith("已验证 / verified: 40 events, 2 checkpoints, head position "
                + last.position() + " hash " + last.hash());
        assertThat(output).contains("checkpoints matching export lines: 2\n").doesNotContain("mid-chain");
        assertThat(export.line(0).text()).contains("《数据结构》 \\\"期末\\\"", "\\u5f20");
    }

    @Test
    void verifiesWithoutCheckpoints() throws Exception {
        assertThat(verify("--export=" + exportFile(), "--keys=" + keys)).as(output).isZero();
        assertThat(output).contains("40 events, 0 checkpoints");
    }

    @Test
    void changedPayloadByteFailsNamingThatPosition() throws Exception {
        Line target = export.line(17);
        byte[] bytes = Files.readAllBytes(exportFile());
        int at = indexOf(bytes, ("\"externalRef\":\"考试-2025-17\"").getBytes(StandardCharsets.UTF_8));
        bytes[at + "\"externalRef\":\"考试-2025-1".getBytes(StandardCharsets.UTF_8).length] = '8';
        Files.write(exportFile(), bytes);

        int exit = verify("--export", exportFile().toString(), "--keys", keys.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(output).startsWith("验证失败 / FAILED at position " + target.position() + " (chain 18, line 18)")
                .contains("hash mismatch, expected").contains("found " + target.hash());
    }

    @Test
    void changedChineseCharacterFails() throws Exception {
        List<String> texts = new ArrayList<>(export.texts());
        texts.set(3, texts.get(3).replace("数据结构", "数据结果"));

        assertThat(verify(ExportFixture.write(dir.resolve("events.ndjson"), texts))).isEqualTo(1);
        assertThat(output).contains("position " + export.line(3).position() + " ", "hash mismatch");
    }

    @Test
    void deletedLineIsDetected() throws Exception {
        List<String> texts = new ArrayList<>(export.texts());
        texts.remove(12);

        assertThat(verify(ExportFixture.write(dir.resolve("events.ndjson"), texts))).isEqualTo(1);
        assertThat(output).contains("FAILED at position " + export.line(13).position(),
                "chain sequence 14 follows 12");
    }

    @Test
    void swappedLinesAreDetected() throws Exception {
        List<String> texts = new ArrayList<>(export.texts());
        texts.set(20, export.line(21).text());
        texts.set(21, export.line(20).text());

        assertThat(verify(ExportFixture.write(dir.resolve("events.ndjson"), texts))).isEqualTo(1);
        assertThat(output).contains("FAILED at position " + export.line(21).position(), "链序号不连续");
    }

    @Test
    void relinkedLineIsDetectedByItsSuccessor() throws Exception {
        // An editor who recomputes one line's hash still breaks the link to the next line.
        List<String> texts = new ArrayList<>(export.texts());
        Line target = export.line(5);
        texts.set(5, target.text().replace(target.hash(), "f".repeat(64)));

        assertThat(verify(ExportFixture.write(dir.resolve("events.ndjson"), texts))).isEqualTo(1);
        assertThat(output).contains("FAILED at position " + target.position(), "hash mismatch");
    }

    @Test
    void recordedByOutsideTheHashMustAgreeWithTheMetadata() throws Exception {
        List<String> texts = new ArrayList<>(export.texts());
        texts.set(2, texts.get(2).replace("\"recordedBy\":\"ouc\",\"institution\"",
                "\"recordedBy\":\"operator\",\"institution\""));

        assertThat(verify(ExportFixture.write(dir.resolve("events.ndjson"), texts))).isEqualTo(1);
        assertThat(output).contains("position " + export.line(2).position(), "来源与元数据不符",
                "operator/OUC/req-2 differ from the hashed metadata ouc/OUC/req-2");
    }

    @Test
    void lineThatDoesNotParseIsNamed() throws Exception {
        List<String> texts = new ArrayList<>(export.texts());
        texts.set(7, texts.get(7).substring(0, 100));

        assertThat(verify(ExportFixture.write(dir.resolve("events.ndjson"), texts))).isEqualTo(1);
        assertThat(output).startsWith("验证失败 / FAILED at line 8 (after position " + export.line(6).position()
                + "): 无法解析 / not valid JSON");
    }

    @Test
    void forgedCheckpointSignatureIsRejected() throws Exception {
        Line line = export.line(9);
        String genuine = signer.sign(10, line.position(), line.hash());
        char flipped = genuine.charAt(5) == 'A' ? 'B' : 'A';
        String forged = genuine.substring(0, 5) + flipped + genuine.substring(6);
        Path checkpoints = write("checkpoints.json", CheckpointSigner.page(
                CheckpointSigner.item(10, line.position(), line.hash(), "audit-2025", forged)));

        assertThat(verify("--export", exportFile().toString(), "--keys", keys.toString(),
                "--checkpoints", checkpoints.toString())).isEqualTo(1);
        assertThat(output).startsWith("验证失败 / FAILED at checkpoint chain 10 (position " + line.position() + ")")
                .contains("签名无效 / the signature does not verify with key \"audit-2025\"");
    }

    @Test
    void checkpointSignedByUnknownKeyIsRejected() throws Exception {
        Line line = export.line(9);
        CheckpointSigner stranger = new CheckpointSigner("someone-else");
        Path checkpoints = write("checkpoints.json",
                "[" + stranger.checkpoint(10, line.position(), line.hash()) + "]");

        assertThat(verify("--export", exportFile().toString(), "--keys", keys.toString(),
                "--checkpoints", checkpoints.toString())).isEqualTo(1);
        assertThat(output).contains("checkpoint chain 10", "key id \"someone-else\", which is not in the key set");
    }

    @Test
    void checkpointSignedByAnotherKeyUnderAKnownIdIsRejected() throws Exception {
        Line line = export.line(9);
        CheckpointSigner impostor = new CheckpointSigner("audit-2025");
        Path checkpoints = write("checkpoints.json", "[" + impostor.checkpoint(10, line.position(), line.hash()) + "]");

        assertThat(verify("--export", exportFile().toString(), "--keys", keys.toString(),
                "--checkpoints", checkpoints.toString())).isEqualTo(1);
        assertThat(output).contains("签名无效");
    }

    @Test
    void checkpointWhoseHashDisagreesWithTheLineIsRejected() throws Exception {
        Line line = export.line(24);
        Path checkpoints = write("checkpoints.json",
                CheckpointSigner.page(signer.checkpoint(25, line.position(), export.line(23).hash())));

        assertThat(verify("--export", exportFile().toString(), "--keys", keys.toString(),
                "--checkpoints", checkpoints.toString())).isEqualTo(1);
        assertThat(output).startsWith("验证失败 / FAILED at position " + line.position() + " (chain 25, line 25)")
                .contains("the signed checkpoint says hash " + export.line(23).hash() + ", the line has "
                        + line.hash());
    }

    @Test
    void checkpointWhosePositionDisagreesWithTheLineIsRejected() throws Exception {
        Line line = export.line(24);
        Path checkpoints = write("checkpoints.json",
                CheckpointSigner.page(signer.checkpoint(25, line.position() + 1, line.hash())));

        assertThat(verify("--export", exportFile().toString(), "--keys", keys.toString(),
                "--checkpoints", checkpoints.toString())).isEqualTo(1);
        assertThat(output).contains("says position " + (line.position() + 1));
    }

    @Test
    void conflictingSignedCheckpointsAreRejected() throws Exception {
        Path first = write("page1.json", CheckpointSigner.page(signer.checkpoint(100, 120, "a".repeat(64))));
        Path second = write("page2.json", CheckpointSigner.page(signer.checkpoint(100, 120, "b".repeat(64))));

        assertThat(verify("--export", exportFile().toString(), "--keys", keys.toString(),
                "--checkpoints", first.toString(), "--checkpoints", second.toString())).isEqualTo(1);
        assertThat(output).contains("checkpoint chain 100", "two signed checkpoints disagree");
    }

    @Test
    void exportStartingMidChainIsVerifiedAndItsStartReported() throws Exception {
        Line before = export.line(29);
        ExportFixture later = ExportFixture.midChain(31, before.position() + 1, before.hash()).typical(10);
        Path file = later.write(dir.resolve("later.ndjson"));

        assertThat(verify("--export", file.toString(), "--keys", keys.toString())).as(output).isZero();
        assertThat(output).contains("chain 31..40", "starts mid-chain: previousHash " + before.hash(),
                "not confirmed by any checkpoint");

        Path anchor = write("checkpoints.json",
                CheckpointSigner.page(signer.checkpoint(30, before.position(), before.hash())));
        assertThat(verify("--export", file.toString(), "--keys", keys.toString(), "--checkpoints", anchor.toString()))
                .as(output).isZero();
        assertThat(output).contains("confirmed by the signed checkpoint at chain 30",
                "checkpoints matching export lines: 0\n");
        Path beyond = write("beyond.json", "[" + signer.checkpoint(99, 200, "e".repeat(64)) + "]");
        assertThat(verify("--export", file.toString(), "--keys", keys.toString(), "--checkpoints", beyond.toString()))
                .as(output).isZero();
        assertThat(output).contains("outside the export (signature only): 1");
    }

    @Test
    void midChainStartContradictingTheCheckpointBeforeItFails() throws Exception {
        ExportFixture later = ExportFixture.midChain(31, 100, "c".repeat(64)).typical(3);
        Path anchor = write("checkpoints.json", CheckpointSigner.page(signer.checkpoint(30, 99, "d".repeat(64))));

        assertThat(verify("--export", later.write(dir.resolve("later.ndjson")).toString(), "--keys",
                keys.toString(), "--checkpoints", anchor.toString())).isEqualTo(1);
        assertThat(output).contains("FAILED at position 100 (chain 31, line 1)", "起点与检查点不符");
    }

    @Test
    void emptyExportIsNotVerified() throws Exception {
        assertThat(verify(write("events.ndjson", ""))).isEqualTo(1);
        assertThat(output).contains("no events");
    }

    @Test
    void usageErrorsExitWithTwoAndTheUsage() throws Exception {
        Path events = exportFile();
        assertThat(verify()).isEqualTo(2);
        assertThat(output).contains("missing option: --export", "用法 / usage: java -jar ledger-api.jar audit verify");
        assertThat(verify("--export", events.toString())).isEqualTo(2);
        assertThat(output).contains("missing option: --keys");
        assertThat(verify("--export", events.toString(), "--keys", keys.toString(), "--fast")).isEqualTo(2);
        assertThat(output).contains("unknown option: --fast");
        assertThat(verify("--export", dir.resolve("nowhere.ndjson").toString(), "--keys", keys.toString()))
                .isEqualTo(2);
        assertThat(output).contains("cannot read file: " + dir.resolve("nowhere.ndjson"));
        assertThat(verify("--export", events.toString(), "--keys")).isEqualTo(2);
        assertThat(output).contains("--keys needs a file name");
        assertThat(verify("--export", events.toString(), "--keys", write("bad.json", "{\"keys\":").toString()))
                .isEqualTo(2);
        assertThat(output).contains("is not JSON");
        assertThat(verify("--help")).isZero();
        assertThat(output).startsWith("用法 / usage:");
    }

    @Test
    void publicEntryPointPrintsToStandardOutput() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(OfflineVerifier.run(new String[]{"--export", exportFile().toString(), "--keys",
                    keys.toString()})).isZero();
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).startsWith("已验证 / verified: 40 events");
    }

    private int verify(Path events) {
        return verify("--export", events.toString(), "--keys", keys.toString());
    }

    private int verify(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = OfflineVerifier.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        output = bytes.toString(StandardCharsets.UTF_8);
        return exit;
    }

    private Path exportFile() throws IOException {
        Path file = dir.resolve("events.ndjson");
        return Files.exists(file) ? file : export.write(file);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
