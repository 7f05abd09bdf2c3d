package org.lianluo.deputy;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.lianluo.deputy.Deputy.SeatStatus;
import org.lianluo.identity.AuditLog;
import org.lianluo.identity.AuditLog.Action;
import org.lianluo.identity.Scope;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Page;
import org.lianluo.platform.PersonalData;
import org.lianluo.region.WorkingCalendar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deputies: other modules read them by id ({@link #find}, {@link #findAll}) whatever the caller's
 * scope; staff list, read and change them within their scope. Phones are stored encrypted with a keyed
 * hash beside them, and leave this class masked unless revealed, which is audited.
 */
@Service
public class Deputies {

	private final DeputyStore store;

	private final PersonalData personalData;

	private final DeputyRules rules;

	private final AuditLog audit;

	private final DeputyHistory history;

	Deputies(DeputyStore store, PersonalData personalData, DeputyRules rules, AuditLog audit, DeputyHistory history) {
		this.store = store;
		this.personalData = personalData;
		this.rules = rules;
		this.audit = audit;
		this.history = history;
	}

	/** Any deputy by id, whatever the caller's scope: loops refer to deputies across regions. */
	public Optional<DeputySummary> find(UUID id) {
		return id == null ? Optional.empty() : store.load(List.of(id)).stream().findFirst().map(Deputy::summary);
	}

	public List<DeputySummary> findAll(Collection<UUID> ids) {
		return ids.isEmpty() ? List.of() : store.load(ids).stream().map(Deputy::summary).toList();
	}

	/** A deputy the caller may see, else not found. */
	public Deputy get(UUID id) {
		Deputy deputy = store.load(List.of(id)).stream().findFirst().orElseThrow(LianluoException::notFound);
		Scope scope = Scope.current();
		scope.check(deputy.regionCode());
		if (scope.deputyId() != null && !scope.deputyId().equals(id)) {
			throw LianluoException.notFound();
		}
		return deputy;
	}

	public Page<Deputy> list(DeputyFilter filter, int page, int size) {
		return store.page(filter, Scope.current(), page, size);
	}

	/** The deputies in the caller's scope with exactly this name, as typed on a form (at most 20). */
	public List<Deputy> named(String name) {
		String n = name.strip();
		return list(new DeputyFilter(null, null, null, null, null, null, n), 0, 20).items().stream()
			.filter(d -> d.name().equals(n))
			.toList();
	}

	/** Every deputy the filter finds, for an export; at most {@code limit}. */
	public List<Deputy> all(DeputyFilter filter, int limit) {
		return store.all(filter, Scope.current(), limit);
	}

	/**
	 * 代表结构: how the deputies the filter finds divide by gender, ethnicity, occupation, age band (in the
	 * given year) and level of their active seats. Keys are constant names, age bands and "UNKNOWN".
	 */
	public Composition composition(DeputyFilter filter, int year) {
		return store.composition(filter, Scope.current(), year);
	}

	/** Counts of deputies by each dimension of 代表结构; {@code total} is the number of deputies. */
	public record Composition(Map<String, Long> gender, Map<String, Long> ethnicity, Map<String, Long> occupation,
			Map<String, Long> ageBand, Map<String, Long> level) {

		public long total() {
			return gender.values().stream().mapToLong(Long::longValue).sum();
		}
	}

	@Transactional
	public Deputy create(DeputyForm form) {
		DeputyRules.Valid valid = rules.validate(form, true);
		if (valid.birthYear() != null && exists(valid.name(), valid.birthYear(), valid.regionCode())) {
			throw LianluoException.conflict("deputy.exists");
		}
		UUID id = store.insert(valid);
		history.record(id, DeputyHistory.Action.CREATED, List.of());
		return store.load(List.of(id)).get(0);
	}

	/** Inserts deputies already validated by {@link DeputyRules}, in batches (the import's path); their ids in order. */
	@Transactional
	public List<UUID> insertAll(List<DeputyRules.Valid> valid) {
		List<UUID> ids = store.insertAll(valid);
		history.recordAll(ids, DeputyHistory.Action.IMPORTED);
		return ids;
	}

	/** The registered "name|birth year|region" identities among deputies of these names, to find duplicates at once. */
	public Set<String> identities(Collection<String> names) {
		return names.isEmpty() ? new HashSet<>() : store.identities(names);
	}

	public static String identity(String name, Integer birthYear, String regionCode) {
		return name + "|" + birthYear + "|" + regionCode;
	}

	public boolean exists(String name, Integer birthYear, String regionCode) {
		return store.exists(name, birthYear, regionCode);
	}

	@Transactional
	public Deputy update(UUID id, DeputyForm form) {
		Deputy before = get(id);
		DeputyRules.Valid valid = rules.validate(form, false);
		String phone = form.phone();
		boolean keepPhone = phone == null || phone.contains("*");
		// The stored hash may be under an earlier key or suite (a rotation under way): any of the set's counts as the same.
		String storedHash = store.phoneHash(id);
		List<String> hashes = personalData.searchHashes(valid.phone());
		boolean phoneChanged = !keepPhone && (hashes.isEmpty() ? storedHash != null : !hashes.contains(storedHash));
		store.update(id, valid, keepPhone, before.seats(), before.levels());
		Deputy after = store.load(List.of(id)).get(0);
		List<DeputyHistory.Change> changes = DeputyHistory.diff(before, after, phoneChanged);
		if (!changes.isEmpty()) {
			history.record(id, DeputyHistory.Action.UPDATED, changes);
		}
		return after;
	}

	/** Ends a seat: the deputy resigned or their mandate was terminated on the given day. */
	@Transactional
	public Deputy endSeat(UUID id, UUID seatId, SeatStatus status, LocalDate on) {
		get(id);
		if (status == null || status == SeatStatus.ACTIVE) {
			throw LianluoException.invalidField("status", "deputy.seat.status.invalid");
		}
		Level level = store.endSeat(id, seatId, status, on == null ? LocalDate.now(WorkingCalendar.ZONE) : on)
			.orElseThrow(() -> LianluoException.conflict("deputy.seat.not-active"));
		history.record(id, DeputyHistory.Action.SEAT_ENDED, List.of(new DeputyHistory.Change("seat", level.name(), status.name())));
		return store.load(List.of(id)).get(0);
	}

	/** The full phone number, for a caller who may see the deputy; every reveal is audited. */
	@Transactional
	public Optional<String> revealPhone(UUID id) {
		Deputy deputy = get(id);
		String cipher = store.phoneCipher(id);
		audit.record(Action.PERSONAL_DATA_REVEALED, "deputy:" + id, "phone of " + deputy.name());
		return Optional.ofNullable(personalData.decrypt(cipher, "deputy", "phone_cipher", id));
	}
}
