package cn.creditbank.ledger.projections.transfer;

import java.util.List;

/** One page of applications, newest first, and how many there are in all. */
public record TransferPage(List<TransferView> items, int page, int size, long total) {
}
