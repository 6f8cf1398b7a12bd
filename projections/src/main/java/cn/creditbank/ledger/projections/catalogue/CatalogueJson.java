package cn.creditbank.ledger.projections.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Catalogue definitions as stored in {@code catalogue_item.definition}: the same JSON as in their events. */
@Component
class CatalogueJson {

    private final ObjectMapper json;

    CatalogueJson(@Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        this.json = json;
    }

    String write(Object definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalogue definition cannot be written as JSON", e);
        }
    }

    <D> D read(String document, Class<D> type) {
        try {
            return json.readValue(document, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored catalogue definition cannot be read as " + type.getSimpleName(), e);
        }
    }
}
