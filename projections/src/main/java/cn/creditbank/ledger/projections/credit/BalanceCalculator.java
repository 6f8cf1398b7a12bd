package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.shared.Credits;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** DOMAIN §5, balance: accumulated credits split by kind, and the certificates with their status. */
public final class BalanceCalculator {

    private BalanceCalculator() {
    }

    public static Balance balance(List<OutcomeView> outcomes, LocalDate asOf) {
        var onDate = new OutcomesOnDate(outcomes, asOf);
        Map<UnitKind, Credits> byKind = new EnumMap<>(UnitKind.class);
        for (UnitKind kind : UnitKind.values()) {
            byKind.put(kind, onDate.creditsOf(EnumSet.of(kind)));
        }
        Credits total = byKind.values().stream().reduce(Credits.ZERO, Credits::plus);
        int count = (int) outcomes.stream().filter(onDate::happened).count();
        List<CertificateState> certificates = outcomes.stream()
                .filter(o -> o.kind() == UnitKind.CERTIFICATE && onDate.happened(o))
                .sorted(Comparator.comparing(OutcomeView::date).thenComparing(o -> o.outcomeId().value()))
                .map(o -> new CertificateState(o.outcomeId(), o.unitCode(), o.level(), o.date(), o.validUntil(),
                        statusOf(o, onDate)))
                .toList();
        return new Balance(asOf, total, byKind, count, certificates);
    }

    private static CertificateStatus statusOf(OutcomeView certificate, OutcomesOnDate onDate) {
        if (onDate.revoked(certificate)) {
            return CertificateStatus.REVOKED;
        }
        return onDate.expired(certificate) ? CertificateStatus.EXPIRED : CertificateStatus.ACTIVE;
    }
}
