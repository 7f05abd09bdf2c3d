package org.lianluo.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.lianluo.platform.DatabaseScope;
import org.lianluo.platform.Ids;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.PersonalData;
import org.lianluo.platform.SealedTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key rotation (issue 23.3): an ADMIN of the whole installation starts it, and every value of personal data
 * (each module declares its {@link SealedTable}s) is sealed again with the current key and suite, its search hash
 * computed again, in batches, while Lianluo serves.
 * <p>
 * The progress is a row of {@code pii_rotation} (table, last id, round), moved in the same transaction as each batch:
 * a stop or a crash loses at most the batch under way, and whichever instance runs the db-scheduler task
 * {@code pii-rotation} next goes on from there. A round walks every table; the rotation is done when a whole round
 * found nothing left to re-seal, so rows that a concurrent write (an instance not yet restarted with the new keys)
 * left under an old key are found again by the next round. Started, resumed, finished and failed are audited.
 */
@Service
public class KeyRotation {

	private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

	private static final String COLUMNS = "id, key_id, suite, status, round, table_name, last_id, found_in_round, rows_resealed,"
			+ " batches, started_by, started_at, updated_at, finished_at, error";

	/**
	 * A rotation as the API shows it; {@code remaining}: rows per table not yet under its key (only when asked for one
	 * rotation). What has no value (the table once done, the end while it runs, the error) is left out.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Rotation(UUID id, String keyId, String suite, String status, int round, String table, long rowsResealed,
			long batches, String startedBy, Instant startedAt, Instant updatedAt, Instant finishedAt, String error,
			Map<String, Long> remaining) {

		Rotation withRemaining(Map<String, Long> remaining) {
			return new Rotation(id, keyId, suite, status, round, table, rowsResealed, batches, startedBy, startedAt, updatedAt,
					finishedAt, error, remaining);
		}
	}

	private record Progress(Rotation rotation, UUID lastId, long foundInRound) {
	}

	private enum Step {
		WORKED, IDLE
	}

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final List<SealedTable> tables;

	private final KeyResealing resealing;

	private final AuditLog audit;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final int batchSize;

	private final long maxBatches;

	private final Duration slice;

	private final AtomicLong batchesHere = new AtomicLong();

	private final Set<UUID> seenHere = ConcurrentHashMap.newKeySet();

	private final Set<UUID> warnedHere = ConcurrentHashMap.newKeySet();

	KeyRotation(JdbcClient jdbc, PersonalData personalData, List<SealedTable> tables, AuditLog audit, TransactionTemplate tx,
			Clock clock, @Value("${lianluo.pii.rotation.batch-size:500}") int batchSize,
			@Value("${lianluo.pii.rotation.max-batches:-1}") long maxBatches,
			@Value("${lianluo.pii.rotation.slice:PT1M}") Duration slice) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.tables = tables.stream().sorted(Comparator.comparing(SealedTable::table)).toList();
		this.resealing = new KeyResealing(jdbc, personalData);
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
		this.batchSize = Math.max(1, batchSize);
		this.maxBatches = maxBatches;
		this.slice = slice;
	}

	/**
	 * Starts a rotation to this instance's current key and suite, or resumes the last one if it failed on the way to
	 * the same; 409 while one runs.
	 */
	public Rotation start(Actor admin) {
		Rotation started = tx.execute(s -> {
			jdbc.sql("lock table pii_rotation in share row exclusive mode").update();
			if (jdbc.sql("select count(*) from pii_rotation where status = 'RUNNING'").query(Long.class).single() > 0) {
				throw LianluoException.conflict("pii.rotation.running");
			}
			Instant now = clock.instant();
			Optional<Rotation> failed = latest().filter(r -> r.status().equals("FAILED") && r.keyId().equals(personalData.currentKeyId())
					&& r.suite().equals(personalData.suite().title()));
			if (failed.isPresent()) {
				jdbc.sql("update pii_rotation set status = 'RUNNING', error = null, updated_at = ? where id = ?")
					.params(Timestamp.from(now), failed.get().id()).update();
				return byId(failed.get().id()).orElseThrow();
			}
			UUID id = Ids.newId();
			jdbc.sql("""
					insert into pii_rotation (id, key_id, suite, status, round, table_name, found_in_round, rows_resealed, batches,
					  started_by, started_at, updated_at) values (?, ?, ?, 'RUNNING', 1, ?, 0, 0, 0, ?, ?, ?)""")
				.params(id, personalData.currentKeyId(), personalData.suite().title(), tables.get(0).table(), admin.username(),
						Timestamp.from(now), Timestamp.from(now))
				.update();
			return byId(id).orElseThrow();
		});
		audit.record(admin.username(), AuditLog.Action.KEY_ROTATION_STARTED, "pii_rotation " + started.id(),
				"to key " + started.keyId() + ", " + started.suite() + (started.batches() > 0 ? ", resumed at batch " + started.batches() : ""),
				null);
		return started;
	}

	/** The newest rotations, the newest first. */
	public List<Rotation> recent() {
		return jdbc.sql("select " + COLUMNS + " from pii_rotation order by started_at desc limit 20").query((rs, n) -> progress(rs).rotation())
			.list();
	}

	/** One rotation, with the rows of each table not yet sealed with this instance's current key and suite. */
	public Optional<Rotation> find(UUID id) {
		return byId(id).map(r -> r.withRemaining(remaining()));
	}

	/** Rows per sealed table with a value not sealed with the current key and suite. */
	public Map<String, Long> remaining() {
		Map<String, Long> remaining = new LinkedHashMap<>();
		DatabaseScope.asSystem("pii-rotation", () -> tables.forEach(t -> remaining.put(t.table(), resealing.remaining(t))));
		return remaining;
	}

	private Optional<Rotation> byId(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from pii_rotation where id = ?").param(id).query((rs, n) -> progress(rs).rotation())
			.optional();
	}

	private Optional<Rotation> latest() {
		return recent().stream().findFirst();
	}

	@Bean
	static RecurringTask<Void> piiRotationTask(@Value("${lianluo.pii.rotation.interval:PT5S}") Duration interval,
			org.springframework.beans.factory.ObjectProvider<KeyRotation> rotation) {
		return Tasks.recurring("pii-rotation", FixedDelay.of(interval))
			.execute((instance, context) -> rotation.getObject().work(() -> context.getSchedulerState().isShuttingDown()));
	}

	/**
	 * Works batches for one slice of time (or up to the batches this instance may run), as the system; stops between
	 * two batches when the scheduler shuts down, so a stopping node hands over within one batch.
	 */
	void work(BooleanSupplier stopping) {
		Instant until = clock.instant().plus(slice);
		DatabaseScope.asSystem("pii-rotation", () -> {
			while ((maxBatches < 0 || batchesHere.get() < maxBatches) && !stopping.getAsBoolean()) {
				Step step;
				try {
					step = tx.execute(s -> step());
				}
				catch (IllegalStateException ex) {
					fail(ex);
					return;
				}
				if (step != Step.WORKED || clock.instant().isAfter(until)) {
					return;
				}
			}
		});
	}

	private Step step() {
		Optional<Progress> running = jdbc.sql("select " + COLUMNS + " from pii_rotation where status = 'RUNNING' for update")
			.query((rs, n) -> progress(rs))
			.optional();
		if (running.isEmpty()) {
			return Step.IDLE;
		}
		Rotation r = running.get().rotation();
		if (!r.keyId().equals(personalData.currentKeyId()) || !r.suite().equals(personalData.suite().title())) {
			if (warnedHere.add(r.id())) {
				log.warn("Key rotation {} is to key {} {}, this instance seals with {} {}: left to an instance with those keys.",
						r.id(), r.keyId(), r.suite(), personalData.currentKeyId(), personalData.suite().title());
			}
			return Step.IDLE;
		}
		if (seenHere.add(r.id()) && r.batches() > 0) {
			audit.record("system", AuditLog.Action.KEY_ROTATION_RESUMED, "pii_rotation " + r.id(),
					"round " + r.round() + ", " + r.table() + ", after " + r.batches() + " batches, " + r.rowsResealed() + " rows", null);
		}
		int index = tableIndex(r.table());
		SealedTable table = tables.get(index);
		KeyResealing.Batch batch = resealing.reseal(table, running.get().lastId(), batchSize);
		batchesHere.incrementAndGet();
		long found = running.get().foundInRound() + batch.found();
		Instant now = clock.instant();
		if (batch.found() == batchSize) {
			jdbc.sql("""
					update pii_rotation set last_id = ?, found_in_round = ?, rows_resealed = rows_resealed + ?, batches = batches + 1,
					  updated_at = ? where id = ?""")
				.params(batch.lastId(), found, batch.resealed(), Timestamp.from(now), r.id()).update();
		}
		else if (index + 1 < tables.size()) {
			jdbc.sql("""
					update pii_rotation set table_name = ?, last_id = null, found_in_round = ?, rows_resealed = rows_resealed + ?,
					  batches = batches + 1, updated_at = ? where id = ?""")
				.params(tables.get(index + 1).table(), found, batch.resealed(), Timestamp.from(now), r.id()).update();
		}
		else if (found > 0) {
			jdbc.sql("""
					update pii_rotation set round = round + 1, table_name = ?, last_id = null, found_in_round = 0,
					  rows_resealed = rows_resealed + ?, batches = batches + 1, updated_at = ? where id = ?""")
				.params(tables.get(0).table(), batch.resealed(), Timestamp.from(now), r.id()).update();
		}
		else {
			jdbc.sql("""
					update pii_rotation set status = 'DONE', table_name = null, last_id = null, rows_resealed = rows_resealed + ?,
					  batches = batches + 1, updated_at = ?, finished_at = ? where id = ?""")
				.params(batch.resealed(), Timestamp.from(now), Timestamp.from(now), r.id()).update();
			Rotation done = byId(r.id()).orElseThrow();
			audit.record("system", AuditLog.Action.KEY_ROTATION_FINISHED, "pii_rotation " + r.id(), "key " + r.keyId() + ", "
					+ r.suite() + ": " + done.rowsResealed() + " rows in " + done.batches() + " batches, " + done.round() + " rounds", null);
			log.info("Key rotation {} done: every personal value is sealed with key {} {}.", r.id(), r.keyId(), r.suite());
			return Step.IDLE;
		}
		return Step.WORKED;
	}

	private int tableIndex(String name) {
		for (int i = 0; i < tables.size(); i++) {
			if (tables.get(i).table().equals(name)) {
				return i;
			}
		}
		return 0;
	}

	/** A value that does not open (a key missing from the set): the rotation stops where it is, failed and audited. */
	private void fail(IllegalStateException ex) {
		log.error("Key rotation failed: {}", ex.getMessage());
		String error = ex.getMessage() == null ? ex.toString() : ex.getMessage();
		List<UUID> ids = tx.execute(s -> {
			List<UUID> running = jdbc.sql("select id from pii_rotation where status = 'RUNNING'").query(UUID.class).list();
			jdbc.sql("update pii_rotation set status = 'FAILED', error = ?, updated_at = ? where status = 'RUNNING'")
				.params(error, Timestamp.from(clock.instant())).update();
			return running;
		});
		for (UUID id : ids) {
			audit.record("system", AuditLog.Action.KEY_ROTATION_FAILED, "pii_rotation " + id, error, null);
		}
	}

	private static Progress progress(ResultSet rs) throws SQLException {
		Rotation r = new Rotation(rs.getObject("id", UUID.class), rs.getString("key_id"), rs.getString("suite"),
				rs.getString("status"), rs.getInt("round"), rs.getString("table_name"), rs.getLong("rows_resealed"),
				rs.getLong("batches"), rs.getString("started_by"), instant(rs, "started_at"), instant(rs, "updated_at"),
				instant(rs, "finished_at"), rs.getString("error"), null);
		return new Progress(r, rs.getObject("last_id", UUID.class), rs.getLong("found_in_round"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
