package cn.creditbank.ledger.api;

import cn.creditbank.ledger.api.audit.cli.AuditCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The skills credit bank ledger (技能学分银行): HTTP API, projections and the event store in one application. */
@SpringBootApplication(scanBasePackages = "cn.creditbank.ledger")
@EnableScheduling
public class LedgerApplication {

    public static void main(String[] args) {
        noPhoningHome();
        if (AuditCommandLine.isAuditCommand(args)) {
            System.exit(AuditCommandLine.run(args));
        }
        SpringApplication.run(LedgerApplication.class, args);
    }

    /** Axon checks for updates at get.axoniq.io unless told not to; a public-sector ledger must not call out. */
    static void noPhoningHome() {
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }
}
