package cn.creditbank.ledger.api.catalogue;

import cn.creditbank.ledger.api.consistency.LedgerPositions;
import cn.creditbank.ledger.api.problem.ApiProblem;
import cn.creditbank.ledger.api.problem.ProblemCode;
import cn.creditbank.ledger.api.security.Caller;
import cn.creditbank.ledger.api.web.Page;
import cn.creditbank.ledger.api.web.PageRequest;
import cn.creditbank.ledger.core.catalogue.CatalogueKind;
import cn.creditbank.ledger.core.catalogue.ConversionRuleDefinition;
import cn.creditbank.ledger.core.catalogue.DefineConversionRule;
import cn.creditbank.ledger.core.catalogue.DefineGradeLadder;
import cn.creditbank.ledger.core.catalogue.DefineInstitution;
import cn.creditbank.ledger.core.catalogue.DefineProgramme;
import cn.creditbank.ledger.core.catalogue.DefineUnit;
import cn.creditbank.ledger.core.catalogue.GradeLadderDefinition;
import cn.creditbank.ledger.core.catalogue.InstitutionDefinition;
import cn.creditbank.ledger.core.catalogue.ProgrammeDefinition;
import cn.creditbank.ledger.core.catalogue.UnitDefinition;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LadderCode;
import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.core.shared.RuleId;
import cn.creditbank.ledger.core.shared.UnitCode;
import cn.creditbank.ledger.projections.catalogue.CatalogueEntry;
import cn.creditbank.ledger.projections.catalogue.CatalogueItems;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * The catalogue (DOMAIN.md §3): institutions, units, programmes, conversion rules and grade ladders. A PUT stores a
 * new version when the definition differs from the current one, and answers the current version either way.
 */
@RestController
@RequestMapping("/api/v1/catalogue")
@Tag(name = "Catalogue", description = "目录: 院校/机构, 学习成果单元, 专业, 转换规则, 技能等级")
class CatalogueController {

    /** A stored definition with its code and version; the definition's own fields sit beside them. */
    record CatalogueDocument(String code, int version, Instant recordedAt, String recordedBy,
                             @JsonUnwrapped Object definition) {

        static CatalogueDocument of(CatalogueEntry entry) {
            return new CatalogueDocument(entry.code(), entry.version(), entry.recordedAt(), entry.recordedBy(),
                    entry.definition());
        }
    }

    private final CommandGateway commands;
    private final CatalogueItems items;
    private final LedgerPositions positions;

    CatalogueController(CommandGateway commands, CatalogueItems items, LedgerPositions positions) {
        this.commands = commands;
        this.items = items;
        this.positions = positions;
    }

    @PutMapping("/institutions/{code}")
    @Operation(summary = "Create or replace an institution and its accreditation")
    ResponseEntity<CatalogueDocument> institution(
            @PathVariable InstitutionCode code, @RequestBody InstitutionDefinition definition,
            @Parameter(hidden = true) Caller caller) {
        commands.sendAndWait(new DefineInstitution(code, definition, caller.subject()));
        return stored(CatalogueKind.INSTITUTION, code);
    }

    @PutMapping("/units/{code}")
    @Operation(summary = "Create or replace a learning unit")
    ResponseEntity<CatalogueDocument> unit(
            @PathVariable UnitCode code, @RequestBody UnitDefinition definition,
            @Parameter(hidden = true) Caller caller) {
        commands.sendAndWait(new DefineUnit(code, definition, caller.subject()));
        return stored(CatalogueKind.UNIT, code);
    }

    @PutMapping("/programmes/{code}")
    @Operation(summary = "Create or replace a programme, its courses and transfer policy")
    ResponseEntity<CatalogueDocument> programme(
            @PathVariable ProgrammeCode code, @RequestBody ProgrammeDefinition definition,
            @Parameter(hidden = true) Caller caller) {
        commands.sendAndWait(new DefineProgramme(code, definition, caller.subject()));
        return stored(CatalogueKind.PROGRAMME, code);
    }

    @PutMapping("/rules/{ruleId}")
    @Operation(summary = "Create or replace a conversion rule (a new version; evaluations name the versions used)")
    ResponseEntity<CatalogueDocument> rule(
            @PathVariable RuleId ruleId, @RequestBody ConversionRuleDefinition definition,
            @Parameter(hidden = true) Caller caller) {
        commands.sendAndWait(new DefineConversionRule(ruleId, definition, caller.subject()));
        return stored(CatalogueKind.RULE, ruleId);
    }

    @PutMapping("/ladders/{code}")
    @Operation(summary = "Create or replace a skill-grade ladder")
    ResponseEntity<CatalogueDocument> ladder(
            @PathVariable LadderCode code, @RequestBody GradeLadderDefinition definition,
            @Parameter(hidden = true) Caller caller) {
        commands.sendAndWait(new DefineGradeLadder(code, definition, caller.subject()));
        return stored(CatalogueKind.LADDER, code);
    }

    @GetMapping("/{kind:institutions|units|programmes|rules|ladders}/{code}")
    @Operation(summary = "The current version of one catalogue item")
    CatalogueDocument one(@PathVariable String kind, @PathVariable String code) {
        return get(kindOf(kind), code);
    }

    @GetMapping("/{kind:institutions|units|programmes|rules|ladders}")
    @Operation(summary = "The current version of every item of a kind, by code")
    Page<CatalogueDocument> list(@PathVariable String kind, @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
        CatalogueKind catalogueKind = kindOf(kind);
        PageRequest request = new PageRequest(page, size);
        return new Page<>(items.list(catalogueKind, request.offset(), request.size()).stream()
                .map(CatalogueDocument::of).toList(), request.page(), request.size(), items.count(catalogueKind));
    }

    /** The current version after a PUT, with the position to read the catalogue's events back at. */
    private ResponseEntity<CatalogueDocument> stored(CatalogueKind kind, Object code) {
        return ResponseEntity.ok().header(LedgerPositions.HEADER, Long.toString(positions.of(code)))
                .body(get(kind, code.toString()));
    }

    private CatalogueDocument get(CatalogueKind kind, String code) {
        return items.latest(kind, code).map(CatalogueDocument::of).orElseThrow(() -> new ApiProblem(
                HttpStatus.NOT_FOUND, notFoundCode(kind), kind + " " + code
                + " is not in the catalogue"));
    }

    private static CatalogueKind kindOf(String path) {
        return switch (path) {
            case "institutions" -> CatalogueKind.INSTITUTION;
            case "units" -> CatalogueKind.UNIT;
            case "programmes" -> CatalogueKind.PROGRAMME;
            case "rules" -> CatalogueKind.RULE;
            default -> CatalogueKind.LADDER;
        };
    }

    private static Enum<?> notFoundCode(CatalogueKind kind) {
        return switch (kind) {
            case INSTITUTION -> ErrorCode.UNKNOWN_INSTITUTION;
            case UNIT -> ErrorCode.UNKNOWN_UNIT;
            case PROGRAMME -> ErrorCode.UNKNOWN_PROGRAMME;
            case LADDER -> ErrorCode.UNKNOWN_LADDER;
            case RULE -> ProblemCode.NOT_FOUND;
        };
    }
}
