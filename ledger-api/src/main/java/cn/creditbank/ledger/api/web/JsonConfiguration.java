package cn.creditbank.ledger.api.web;

import cn.creditbank.ledger.core.shared.Credits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

import java.math.BigDecimal;

/** API.md writes credits as plain JSON numbers with at most two decimals and no padding: 28.5, 1.9, 60. */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    SimpleModule creditsAsPlainNumbers() {
        return new SimpleModule("credits").addSerializer(Credits.class, new ValueSerializer<>() {
            @Override
            public void serialize(Credits credits, JsonGenerator json, SerializationContext context) {
                json.writeNumber(new BigDecimal(credits.toShortString()));
            }
        });
    }
}
