package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.Require;

/** One level of a certificate unit (e.g. 中级), with the credits it gives. */
public record CertificateLevel(String name, Credits credits) {

    public CertificateLevel {
        name = Require.text(name, "level.name");
        Require.present(credits, "level.credits");
    }
}
