package cn.creditbank.ledger.projections.eventstore;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The events' object mapper reads every date exactly as the JavaTime module alone does, and refuses the same ones. */
class PlainDateDeserializerTest {

    private final ObjectMapper ledger = new EventStoreConfiguration().defaultAxonObjectMapper();
    private final ObjectMapper javaTime = new ObjectMapper().registerModule(new JavaTimeModule());

    @ParameterizedTest
    @ValueSource(strings = {"\"2024-05-17\"", "\"2024-02-29\"", "\"0001-01-01\"", "\" 2024-05-17 \"",
            "\"2024-05-17T10:15:30\"", "[2024,5,17]", "null", "\"+12024-05-17\""})
    void readsWhatTheJavaTimeModuleReads(String json) throws Exception {
        assertThat(ledger.readValue(json, LocalDate.class)).isEqualTo(javaTime.readValue(json, LocalDate.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2023-02-29\"", "\"2024-13-01\"", "\"2024-5-17\"", "\"17.05.2024\"", "\"2024-05-1x\""})
    void refusesWhatTheJavaTimeModuleRefuses(String json) {
        assertThatThrownBy(() -> javaTime.readValue(json, LocalDate.class)).isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> ledger.readValue(json, LocalDate.class)).isInstanceOf(InvalidFormatException.class);
    }

    /** Jackson serves each property and root value with a contextualized copy of the reader, which must stay this one. */
    @Test
    void theMapperReadsDatesOfEventsAndRootValuesByHand() throws Exception {
        DeserializationContext context = ((DefaultDeserializationContext) ledger.getDeserializationContext())
                .createDummyInstance(ledger.getDeserializationConfig());
        BeanDeserializerBase event = (BeanDeserializerBase) context.findRootValueDeserializer(
                ledger.constructType(Dated.class));

        assertThat(event.findProperty("date").getValueDeserializer()).isInstanceOf(PlainDateDeserializer.class);
        assertThat(context.findRootValueDeserializer(ledger.constructType(LocalDate.class)))
                .isInstanceOf(PlainDateDeserializer.class);
        assertThat(ledger.readValue("{\"date\":\"2024-05-17\"}", Dated.class))
                .isEqualTo(new Dated(LocalDate.of(2024, 5, 17)));
    }

    record Dated(LocalDate date) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-05-17", "1999-12-31"})
    void readsThePlainFormByHand(String text) {
        assertThat(PlainDateDeserializer.plain(text)).isEqualTo(LocalDate.parse(text));
    }
}
