package cn.creditbank.ledger.projections.eventstore;

import com.fasterxml.jackson.databind.ObjectReader;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's Jackson serializer with the per-message lookups it repeats for every event read (a projection replay reads
 * each event once per processor) done once: the class of a serialized type name, and the type's {@link ObjectReader}
 * (Axon builds a new reader, and looks its root deserializer up again, on every call). Meta-data, stored with every
 * event, is read as the map it is instead of through Axon's {@code MetaDataDeserializer}, which resolves the map
 * type and its deserializer anew for each message; the result is the same {@code MetaData}. Everything else is
 * Axon's behaviour unchanged (readers are immutable and thread-safe, so sharing them is safe).
 */
final class LedgerJacksonSerializer extends JacksonSerializer {

    private static final String META_DATA = MetaData.class.getName();

    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();
    private final ObjectReader metaDataReader;

    private LedgerJacksonSerializer(Builder builder) {
        super(builder);
        this.metaDataReader = getObjectMapper().readerFor(
                getObjectMapper().getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    }

    static LedgerJacksonSerializer of(com.fasterxml.jackson.databind.ObjectMapper objectMapper) {
        return new LedgerJacksonSerializer(JacksonSerializer.builder().objectMapper(objectMapper));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (META_DATA.equals(serializedObject.getType().getName())
                && byte[].class.equals(serializedObject.getContentType())) {
            byte[] data = (byte[]) serializedObject.getData();
            if (data.length == 2 && data[0] == '{' && data[1] == '}') {
                return (T) MetaData.emptyInstance();
            }
            try {
                Map<String, Object> values = metaDataReader.readValue(data);
                return (T) (values == null ? null : MetaData.from(values));
            } catch (IOException e) {
                throw new SerializationException("Error while deserializing meta-data", e);
            }
        }
        return super.deserialize(serializedObject);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> known = classes.get(type.getName());
        if (known != null) {
            return known;
        }
        Class<?> resolved = super.classForType(type);
        if (resolved != UnknownSerializedType.class && resolved != Void.class) {
            classes.put(type.getName(), resolved);
        }
        return resolved;
    }

    @Override
    protected ObjectReader getReader(Class<?> type) {
        return readers.computeIfAbsent(type, super::getReader);
    }
}
