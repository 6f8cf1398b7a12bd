package cn.creditbank.ledger.api.audit;

import cn.creditbank.ledger.api.security.Caller;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Who did what (issue: audit): every command carries in its metadata the authenticated principal, the institution it
 * acts for and the id of the HTTP request that sent it, and Axon copies that metadata onto every event the command
 * applies. Commands sent by the application itself (the demo loader) are marked {@code system}.
 */
@Configuration(proxyBeanMethods = false)
class CommandOrigin implements SmartInitializingSingleton {

    static final String PRINCIPAL = "principal";
    static final String INSTITUTION = "institution";
    static final String REQUEST_ID = "requestId";
    static final String SYSTEM = "system";

    private final CommandBus commandBus;

    CommandOrigin(CommandBus commandBus) {
        this.commandBus = commandBus;
    }

    @Override
    public void afterSingletonsInstantiated() {
        commandBus.registerDispatchInterceptor(new Stamp());
    }

    /**
     * Axon's own correlation (the causing message's id and trace) plus ours, onto every event of a command. Static:
     * Axon needs these while building the command bus, before this configuration could be created with it.
     */
    @Bean
    static CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    static CorrelationDataProvider commandOriginProvider() {
        return new SimpleCorrelationDataProvider(PRINCIPAL, INSTITUTION, REQUEST_ID);
    }

    /** Runs in the dispatching thread, where the request and its authentication are known. */
    private static final class Stamp implements MessageDispatchInterceptor<CommandMessage<?>> {

        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                List<? extends CommandMessage<?>> messages) {
            return (index, command) -> command.getMetaData().containsKey(PRINCIPAL) ? command
                    : command.andMetaData(origin());
        }

        private static Map<String, String> origin() {
            Map<String, String> origin = new HashMap<>();
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
                origin.put(PRINCIPAL, caller.subject());
                if (caller.institution() != null) {
                    origin.put(INSTITUTION, caller.institution().value());
                }
            } else {
                origin.put(PRINCIPAL, SYSTEM);
            }
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            Object requestId = request == null ? null
                    : request.getAttribute(RequestIds.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            if (requestId != null) {
                origin.put(REQUEST_ID, requestId.toString());
            }
            return origin;
        }
    }
}
