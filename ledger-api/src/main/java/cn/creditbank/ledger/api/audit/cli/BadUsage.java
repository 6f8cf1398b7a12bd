package cn.creditbank.ledger.api.audit.cli;

/** The verifier cannot start: a wrong option, a missing or unreadable file (exit code 2, with the usage text). */
final class BadUsage extends Exception {

    BadUsage(String message) {
        super(message);
    }
}
