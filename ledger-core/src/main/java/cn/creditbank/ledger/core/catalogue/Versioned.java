package cn.creditbank.ledger.core.catalogue;

/** A catalogue definition together with the version number it was stored under. */
public record Versioned<D>(int version, D definition) {
}
