package cn.creditbank.ledger.api.credit;

import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletionException;

/**
 * Asks the query bus and waits for the answer, handing a refusal (an unknown learner, programme…) to the caller as
 * the exception it is rather than wrapped by the future.
 */
@Component
public class LedgerQueries {

    private final QueryGateway queries;

    public LedgerQueries(QueryGateway queries) {
        this.queries = queries;
    }

    public <R> R ask(Object query, Class<R> resultType) {
        try {
            return queries.query(query, resultType).join();
        } catch (CompletionException wrapped) {
            if (wrapped.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw wrapped;
        }
    }
}
