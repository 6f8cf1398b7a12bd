package cn.creditbank.ledger.api.audit.cli;

import cn.creditbank.ledger.projections.audit.ChainHash;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportLineParserTest {

    private static final String HASH = "ab".repeat(32);

    @Test
    void cutsPayloadAndMetadataOutExactlyAsStored() throws Exception {
        // Chinese, escaped quotes and backslashes, \\u escapes, a 4-byte character, nesting and odd spacing.
        String payload = "{ \"名称\" : \"《数据结构》 \\\"期末\\\" \\\\ 考试\", \"note\":\"\\u5f20\\u4e09 😀\","
                + "\"nested\":{\"a\":[1, {\"b\":\"}\"}],\"c\":null} ,\"score\":9.50e1 }";
        String metadata = "{\"principal\":\"ouc\",\"institution\":\"OUC\",\"requestId\":\"r-1\",\"x\":{\"principal\":\"no\"}}";

        ExportLine line = ExportLineParser.parse(line(payload, metadata, "\"ouc\"", "\"OUC\"", "\"r-1\""));

        assertThat(line.payload()).isEqualTo(payload);
        assertThat(line.metadata()).isEqualTo(metadata);
        assertThat(line.hashedOrigin()).isEqualTo(new ExportLine.Origin("ouc", "OUC", "r-1"));
        assertThat(line.claimedOrigin()).isEqualTo(line.hashedOrigin());
        assertThat(line.revision()).isNull();
    }

    @Test
    void cutsOutPayloadsLongerThanTheParserBuffer() throws Exception {
        String payload = "{\"text\":\"" + "学分银行\\\"".repeat(20_000) + "\"}";

        assertThat(ExportLineParser.parse(line(payload, "{}", "null", "null", "null")).payload()).isEqualTo(payload);
    }

    @Test
    void refusesUnknownRepeatedAndMissingFields() {
        String good = line("{}", "{}", "null", "null", "null");
        assertThatThrownBy(() -> ExportLineParser.parse(good.replace("{\"position\"", "{\"extra\":1,\"position\"")))
                .isInstanceOf(MalformedLine.class).hasMessage("unexpected field \"extra\"");
        assertThatThrownBy(() -> ExportLineParser.parse(good.replace("{\"position\":5,", "{\"position\":5,\"position\":6,")))
                .hasMessage("field \"position\" appears twice");
        assertThatThrownBy(() -> ExportLineParser.parse(good.replace("\"revision\":null,", "")))
                .hasMessage("field \"revision\" is missing");
        assertThatThrownBy(() -> ExportLineParser.parse(good.replace("\"sequence\":2", "\"sequence\":2.0")))
                .hasMessage("\"sequence\" must be an integer");
        assertThatThrownBy(() -> ExportLineParser.parse(good.replace("\"payload\":{}", "\"payload\":\"{}\"")))
                .hasMessage("\"payload\" must be a JSON object");
        assertThatThrownBy(() -> ExportLineParser.parse(good + " {}"))
                .hasMessage("text after the JSON object");
        assertThatThrownBy(() -> ExportLineParser.parse(good.replace(HASH, HASH.toUpperCase())))
                .hasMessage("\"hash\" must be 64 lower-case hex digits");
    }

    private static String line(String payload, String metadata, String recordedBy, String institution,
                               String requestId) {
        return "{\"position\":5,\"chainSequence\":4,\"eventId\":\"e-1\",\"type\":\"T\",\"revision\":null,"
                + "\"aggregateId\":\"L1\",\"sequence\":2,\"recordedAt\":\"2025-06-01T00:00:00Z\",\"recordedBy\":"
                + recordedBy + ",\"institution\":" + institution + ",\"requestId\":" + requestId + ",\"payload\":"
                + payload + ",\"metadata\":" + metadata + ",\"hash\":\"" + HASH + "\",\"previousHash\":\""
                + ChainHash.GENESIS + "\"}";
    }
}
