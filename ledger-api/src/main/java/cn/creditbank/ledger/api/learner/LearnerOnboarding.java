package cn.creditbank.ledger.api.learner;

import cn.creditbank.ledger.core.outcome.OpenLearnerAccount;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.Require;
import cn.creditbank.ledger.projections.identity.LearnerIdentity;
import cn.creditbank.ledger.projections.identity.LearnerIdentityStore;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.UUID;

/**
 * Opens learning accounts: the personal data goes to the protected identity table and only the opaque id to the
 * ledger, both in one transaction (Axon's unit of work joins it), so neither exists without the other.
 */
@Service
public class LearnerOnboarding {

    private final CommandGateway commands;
    private final LearnerIdentityStore identities;
    private final Clock clock;

    public LearnerOnboarding(CommandGateway commands, LearnerIdentityStore identities, Clock clock) {
        this.commands = commands;
        this.identities = identities;
        this.clock = clock;
    }

    @Transactional
    public LearnerId open(String displayName, String nationalId, String externalRef, String recordedBy) {
        return open(LearnerId.of(UUID.randomUUID().toString()), displayName, nationalId, externalRef, recordedBy);
    }

    @Transactional
    public LearnerId open(LearnerId learnerId, String displayName, String nationalId, String externalRef,
                          String recordedBy) {
        String name = Require.maxLength(Require.text(displayName, "displayName"), 255, "displayName");
        Require.maxLength(nationalId, 64, "nationalId");
        Require.maxLength(externalRef, 255, "externalRef");
        try {
            identities.register(new LearnerIdentity(learnerId, name, nationalId, externalRef, clock.instant(),
                    null));
        } catch (DuplicateKeyException exists) {
            throw new DomainException(ErrorCode.LEARNER_ALREADY_EXISTS,
                    "a learner with this id or external reference already exists");
        }
        commands.sendAndWait(new OpenLearnerAccount(learnerId, recordedBy));
        return learnerId;
    }
}
