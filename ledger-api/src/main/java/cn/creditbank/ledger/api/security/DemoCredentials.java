package cn.creditbank.ledger.api.security;

import cn.creditbank.ledger.api.demo.DemoDataCondition;
import cn.creditbank.ledger.core.catalogue.DefineInstitution;
import cn.creditbank.ledger.core.demo.DemoCatalogue;
import cn.creditbank.ledger.core.demo.DemoLearners;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Set;

/**
 * The demo's clients and users (API.md): {@code operator}, {@code regulator}, one client per demo institution (its
 * code in lower case, secret {@code <id>-secret}), the learners {@code zhangsan}, {@code lisi}, and one registrar
 * per demo institution who signs in to the portal (the same id, password {@code <id>-pass}). Loaded with the
 * demo data only; every step is insert-if-absent, so restarts and nodes starting together add nothing twice.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Component
@Conditional({DemoDataCondition.class, IssuerMode.Embedded.class})
class DemoCredentials implements ApplicationRunner {

    private final ClientRegistrations clients;
    private final LoginUsers users;

    DemoCredentials(ClientRegistrations clients, LoginUsers users) {
        this.clients = clients;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        clients.addMachineClientIfAbsent("operator", "operator-secret", Set.of(Role.OPERATOR), null);
        clients.addMachineClientIfAbsent("regulator", "regulator-secret", Set.of(Role.REGULATOR), null);
        DemoCatalogue.commands("demo-loader").stream()
                .filter(DefineInstitution.class::isInstance).map(DefineInstitution.class::cast)
                .map(DefineInstitution::code)
                .forEach(code -> {
                    String id = code.value().toLowerCase(Locale.ROOT);
                    clients.addMachineClientIfAbsent(id, id + "-secret", Set.of(Role.INSTITUTION), code);
                    users.addRegistrarIfAbsent(id, id + "-pass", code);
                });
        for (DemoLearners.DemoLearner learner : DemoLearners.all("demo-loader")) {
            users.addLearnerIfAbsent(learner.username(), learner.username() + "-pass", learner.learnerId());
        }
    }
}
