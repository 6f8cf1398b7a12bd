package cn.creditbank.ledger.api.consistency;

import cn.creditbank.ledger.api.problem.ApiProblem;
import cn.creditbank.ledger.api.problem.ProblemCode;
import cn.creditbank.ledger.core.shared.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Duration;

/**
 * Holds a read that carries {@code Min-Ledger-Position} until the projections have processed that position (at
 * most five seconds, API.md). A read that cannot be served that fresh is refused with 503 rather than answered
 * stale, since the client asked for its own write to be visible.
 */
public class ReadYourWrites implements HandlerInterceptor {

    public static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final LedgerPositions positions;

    ReadYourWrites(LedgerPositions positions) {
        this.positions = positions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String wanted = request.getHeader(LedgerPositions.MIN_HEADER);
        if (wanted == null || wanted.isBlank()) {
            return true;
        }
        long position;
        try {
            position = Long.parseLong(wanted.strip());
        } catch (NumberFormatException notANumber) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
                    LedgerPositions.MIN_HEADER + " must be a whole number");
        }
        if (!positions.awaitProjections(position, MAX_WAIT)) {
            response.setHeader("Retry-After", "1");
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, ProblemCode.LEDGER_POSITION_NOT_REACHED,
                    "the read models have not reached position " + position + " within " + MAX_WAIT.toSeconds()
                            + " s");
        }
        return true;
    }
}
