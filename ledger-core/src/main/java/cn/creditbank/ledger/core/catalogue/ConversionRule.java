package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.RuleId;
import cn.creditbank.ledger.core.shared.UnitCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A conversion rule (转换规则). Every change is a new version, and evaluations record the version they used.
 * Its programme, source unit (and level) and target courses must exist.
 */
public class ConversionRule extends VersionedDefinition<ConversionRuleDefinition> {

    @AggregateIdentifier
    private RuleId ruleId;

    protected ConversionRule() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(DefineConversionRule command, Catalogue catalogue) {
        ConversionRuleDefinition rule = command.definition();
        var references = new CatalogueReferences(catalogue);
        ProgrammeDefinition programme = references.assertProgrammeExists(rule.programme());
        assertSourceLevel(references, rule);
        for (UnitCode target : rule.targetCourses()) {
            if (programme.course(target).isEmpty()) {
                throw new DomainException(ErrorCode.UNKNOWN_COURSE,
                        "course " + target + " is not a course of programme " + rule.programme());
            }
        }
        return define(rule, version -> new ConversionRuleDefined(command.ruleId(), version, rule, command.recordedBy()));
    }

    private static void assertSourceLevel(CatalogueReferences references, ConversionRuleDefinition rule) {
        if (rule.minimumLevel() != null) {
            references.assertCertificateLevel(rule.sourceUnit(), rule.minimumLevel());
        } else {
            references.assertUnitExists(rule.sourceUnit());
        }
    }

    @EventSourcingHandler
    void on(ConversionRuleDefined event) {
        ruleId = event.ruleId();
        remember(event);
    }
}
