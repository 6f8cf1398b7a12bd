package cn.creditbank.ledger.projections.catalogue;

import cn.creditbank.ledger.core.catalogue.Catalogue;
import cn.creditbank.ledger.core.catalogue.CatalogueKind;
import cn.creditbank.ledger.core.catalogue.InstitutionDefinition;
import cn.creditbank.ledger.core.catalogue.ProgrammeDefinition;
import cn.creditbank.ledger.core.catalogue.UnitDefinition;
import cn.creditbank.ledger.core.catalogue.Versioned;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.core.shared.UnitCode;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The write side's view of the current catalogue. A definition is immutable once stored under its version, so this
 * node keeps the newest version it has read of each item, parsed, and serves it without a query. Whether it is
 * still the newest, another node may have defined a later one, is checked once per command transaction, in one
 * query over every item the command used, just before the transaction commits: a later version makes the command
 * fail as a transient conflict (retried on fresh reads), so a command is never judged against an older version
 * than the one committed before it commits, just as when every read went to the table.
 * <p>
 * Outside a command (no unit of work) every read goes to the table, within the caller's transaction. The check
 * runs after the command's events were appended, so a statement the transaction runs anyway (the reference guard's)
 * may take it over: {@link #takeCheck()}.
 */
@Component
public class JdbcCatalogue implements Catalogue {

    private record Key(CatalogueKind kind, String code) {
    }

    private final String usedKey = getClass().getName() + ".used";
    private final String takenKey = getClass().getName() + ".taken";
    private final String definedKey = getClass().getName() + ".defined";
    private final CatalogueItems items;
    private final JdbcTemplate jdbc;
    private final Map<Key, Versioned<?>> newest = new ConcurrentHashMap<>();

    JdbcCatalogue(CatalogueItems items, JdbcTemplate jdbc) {
        this.items = items;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Versioned<InstitutionDefinition>> institution(InstitutionCode code) {
        return current(CatalogueKind.INSTITUTION, code.value(), InstitutionDefinition.class);
    }

    @Override
    public Optional<Versioned<UnitDefinition>> unit(UnitCode code) {
        return current(CatalogueKind.UNIT, code.value(), UnitDefinition.class);
    }

    @Override
    public Optional<Versioned<ProgrammeDefinition>> programme(ProgrammeCode code) {
        return current(CatalogueKind.PROGRAMME, code.value(), ProgrammeDefinition.class);
    }

    /**
     * Noted by the catalogue store: this command defines a version of the item itself (a later version in the table
     * is then no conflict), and this node forgets the item once the transaction ends.
     */
    void defining(CatalogueKind kind, String code) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().<Set<Key>>getOrComputeResource(definedKey, k -> new HashSet<>())
                    .add(new Key(kind, code));
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            Key key = new Key(kind, code);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    newest.remove(key);
                }
            });
        }
    }

    private <D> Optional<Versioned<D>> current(CatalogueKind kind, String code, Class<D> type) {
        if (!CurrentUnitOfWork.isStarted()) {
            return items.latest(kind, code, type);
        }
        Key key = new Key(kind, code);
        Versioned<?> known = newest.get(key);
        if (known == null) {
            Optional<Versioned<D>> read = items.latest(kind, code, type); // in this transaction: current
            if (read.isPresent() && TransactionSynchronizationManager.isSynchronizationActive()) {
                // only what is committed: this transaction may itself have stored the version it just read
                Versioned<D> found = read.get();
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        newest.merge(key, found, (a, b) -> a.version() >= b.version() ? a : b);
                    }
                });
            }
            return read;
        }
        used(key, known.version());
        return Optional.of(new Versioned<>(known.version(), type.cast(known.definition())));
    }

    private void used(Key key, int version) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<Key, Integer> used = root.getOrComputeResource(usedKey, k -> {
            Map<Key, Integer> versions = new HashMap<>();
            // one step later than its turn: after the event store's append and the in-transaction guards, which may
            // have taken the check over
            root.onPrepareCommit(u -> u.onPrepareCommit(again -> {
                if (root.resources().remove(takenKey) == null) {
                    assertNewest(versions, root.getOrComputeResource(definedKey, d -> new HashSet<>()));
                }
            }));
            return versions;
        });
        used.merge(key, version, Math::min);
    }

    /**
     * The versions the current command took from this node's memory, for the caller to check in a statement of its
     * own in this transaction ({@link #NEWER_THAN_USED} over three array parameters: kinds, codes, versions) and
     * report with {@link #assertNoneNewer}; the command's own check is then skipped. Empty arrays when nothing is due.
     */
    public Check takeCheck() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Check.NONE;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<Key, Integer> used = root.getResource(usedKey);
        if (used == null || root.resources().containsKey(takenKey)) {
            return Check.NONE;
        }
        root.resources().put(takenKey, Boolean.TRUE);
        return check(used, root.getOrComputeResource(definedKey, d -> new HashSet<>()));
    }

    /** A later version of an item given by kind and code: the command used an older one and must be retried. */
    public void assertNoneNewer(List<String[]> newer) {
        if (!newer.isEmpty()) {
            List<Key> stale = newer.stream().map(row -> new Key(CatalogueKind.valueOf(row[0]), row[1])).toList();
            stale.forEach(newest::remove);
            throw new StaleCatalogueException("a later version of " + stale + " was defined meanwhile");
        }
    }

    /** The SQL of the check: the (kind, code) of each used item that has a later version. */
    public static final String NEWER_THAN_USED = """
            SELECT c.kind, c.code FROM catalogue_item c
            JOIN unnest(?::varchar[], ?::varchar[], ?::int[]) AS used(kind, code, version)
              ON c.kind = used.kind AND c.code = used.code AND c.version > used.version""";

    /** The versions a command used, as the check's array parameters. */
    public record Check(String[] kinds, String[] codes, Integer[] versions) {
        public static final Check NONE = new Check(new String[0], new String[0], new Integer[0]);

        public boolean isEmpty() {
            return kinds.length == 0;
        }
    }

    private static Check check(Map<Key, Integer> used, Set<Key> definedHere) {
        List<Key> checked = new ArrayList<>(used.keySet());
        checked.removeAll(definedHere);
        String[] kinds = new String[checked.size()];
        String[] codes = new String[checked.size()];
        Integer[] versions = new Integer[checked.size()];
        for (int i = 0; i < checked.size(); i++) {
            kinds[i] = checked.get(i).kind().name();
            codes[i] = checked.get(i).code();
            versions[i] = used.get(checked.get(i));
        }
        return new Check(kinds, codes, versions);
    }

    private void assertNewest(Map<Key, Integer> used, Set<Key> definedHere) {
        Check check = check(used, definedHere);
        if (check.isEmpty()) {
            return;
        }
        // the driver binds a Java array as a PostgreSQL array
        assertNoneNewer(jdbc.query(NEWER_THAN_USED, (rows, row) -> new String[]{rows.getString(1), rows.getString(2)},
                check.kinds(), check.codes(), check.versions()));
    }

    /** Transient: the command is retried on fresh reads of the catalogue. */
    static final class StaleCatalogueException extends RuntimeException {

        StaleCatalogueException(String message) {
            super(message);
        }
    }
}
