package cn.creditbank.ledger.api.problem;

/** One invalid input field of a validation problem: the JSON path of the field and what is wrong with it. */
public record FieldError(String field, String message) {
}
