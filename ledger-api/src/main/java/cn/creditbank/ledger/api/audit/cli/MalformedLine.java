package cn.creditbank.ledger.api.audit.cli;

/** A line of the export that is not an event in the export format; the reason is English (it quotes the JSON). */
final class MalformedLine extends Exception {

    MalformedLine(String reason) {
        super(reason);
    }
}
