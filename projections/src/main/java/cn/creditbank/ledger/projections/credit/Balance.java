package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.shared.Credits;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A learner's accumulated credits (累计学分) on {@code asOf}: lifetime accumulation, so expired certificates still
 * count; voided outcomes never, revoked certificates not from their revocation date.
 *
 * @param byKind       credits per unit kind, every kind present
 * @param outcomeCount outcomes dated on or before asOf and not voided (failed ones included)
 * @param certificates certificates awarded on or before asOf and not voided, by award date
 */
public record Balance(LocalDate asOf, Credits accumulatedCredits, Map<UnitKind, Credits> byKind, int outcomeCount,
                      List<CertificateState> certificates) {
}
