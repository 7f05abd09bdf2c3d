package org.lianluo.duty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.lianluo.deputy.Deputies;
import org.lianluo.deputy.Deputy;
import org.lianluo.deputy.DeputySummary;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.identity.Scope;
import org.lianluo.platform.Ids;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.LianluoException.FieldProblem;
import org.lianluo.region.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 联系清单: which committee member contacts which deputies in a year and how often, the contacts they
 * record, and how far each member and the whole plan are. A contact or a plan belongs to the committee
 * member's region.
 */
@Service
public class Contacts {

	private final JdbcClient jdbc;

	private final Deputies deputies;

	private final Clock clock;

	Contacts(JdbcClient jdbc, Deputies deputies, Clock clock) {
		this.jdbc = jdbc;
		this.deputies = deputies;
		this.clock = clock;
	}

	/** Puts deputies on a member's list for a year, each with a target number of contacts; ASSESSOR only. */
	@Transactional
	public List<PlanEntry> plan(NewPlan p) {
		Actor user = requireAssessor();
		List<FieldProblem> problems = new ArrayList<>();
		if (p.year() == null || p.year() < 2000 || p.year() > 2100) {
			problems.add(new FieldProblem("year", "duty.plan.year.invalid"));
		}
		int target = p.target() == null ? 2 : p.target();
		if (target < 1 || target > 100) {
			problems.add(new FieldProblem("target", "duty.plan.target.invalid"));
		}
		Deputy member = member(p.committeeMemberId(), problems);
		Set<UUID> ids = new LinkedHashSet<>(p.deputyIds() == null ? List.of() : p.deputyIds());
		ids.remove(null);
		if (ids.isEmpty() || deputies.findAll(ids).size() != ids.size() || (member != null && ids.contains(member.id()))) {
			problems.add(new FieldProblem("deputyIds", "duty.plan.deputies.invalid"));
		}
		if (!problems.isEmpty()) {
			throw LianluoException.invalidFields(problems);
		}
		user.scope().check(member.regionCode());
		for (UUID deputy : ids) {
			jdbc.sql("""
					insert into duty_contact_plan (id, year, member_id, deputy_id, target, region_code, created_at)
					values (?, ?, ?, ?, ?, ?, ?)
					on conflict (year, member_id, deputy_id) do update set target = excluded.target""")
				.params(Ids.newId(), p.year(), member.id(), deputy, target, member.regionCode(), OffsetDateTime.now(clock))
				.update();
		}
		return completion(p.year(), member.regionCode()).stream().filter(e -> e.memberId().equals(member.id())).toList();
	}

	/** Planned pairs checked by the sheet import ({@link ContactSheets}), written together; ASSESSOR only. */
	@Transactional
	public void planAll(List<PlannedPair> pairs) {
		requireAssessor();
		for (PlannedPair p : pairs) {
			jdbc.sql("""
					insert into duty_contact_plan (id, year, member_id, deputy_id, target, region_code, created_at)
					values (?, ?, ?, ?, ?, ?, ?)
					on conflict (year, member_id, deputy_id) do update set target = excluded.target""")
				.params(Ids.newId(), p.year(), p.memberId(), p.deputyId(), p.target(), p.regionCode(), OffsetDateTime.now(clock))
				.update();
		}
	}

	/** Takes a deputy off a member's list for a year (its contacts stay recorded); ASSESSOR only, 404 outside scope. */
	@Transactional
	public void unplan(Integer year, UUID memberId, UUID deputyId) {
		Actor user = requireAssessor();
		if (year == null || memberId == null || deputyId == null) {
			throw LianluoException.invalid("duty.plan.remove.invalid");
		}
		int removed = jdbc.sql("delete from duty_contact_plan where year = ? and member_id = ? and deputy_id = ? and region_code like ?")
			.params(year, memberId, deputyId, user.scope().regionPattern()).update();
		if (removed == 0) {
			throw LianluoException.notFound();
		}
	}

	/** One pair of a contact plan as the import checked it, in the member's region. */
	public record PlannedPair(int year, UUID memberId, UUID deputyId, int target, String regionCode) {
	}

	/** A contact between a committee member and a deputy: by ASSESSOR, or by the member themselves. */
	@Transactional
	public Contact record(NewContact c) {
		Actor user = Actor.current();
		boolean self = user.has(Role.DEPUTY) && user.deputyId() != null && user.deputyId().equals(c.committeeMemberId());
		if (!user.has(Role.ASSESSOR) && !self) {
			throw LianluoException.forbidden();
		}
		List<FieldProblem> problems = new ArrayList<>();
		Deputy member = member(c.committeeMemberId(), problems);
		if (c.deputyId() == null || deputies.find(c.deputyId()).isEmpty() || c.deputyId().equals(c.committeeMemberId())) {
			problems.add(new FieldProblem("deputyId", "duty.contact.deputy.unknown"));
		}
		if (c.at() == null) {
			problems.add(new FieldProblem("at", "duty.contact.at.required"));
		}
		else if (c.at().isAfter(OffsetDateTime.now(clock).plusDays(1))) {
			problems.add(new FieldProblem("at", "duty.contact.at.future"));
		}
		ContactMethod method = Activities.parse(ContactMethod.class, c.method());
		if (method == null) {
			problems.add(new FieldProblem("method", "duty.contact.method.invalid"));
		}
		if (c.note() != null && c.note().strip().length() > 2000) {
			problems.add(new FieldProblem("note", "duty.contact.note.too-long"));
		}
		if (!problems.isEmpty()) {
			throw LianluoException.invalidFields(problems);
		}
		user.scope().check(member.regionCode());
		UUID id = Ids.newId();
		jdbc.sql("""
				insert into duty_contact (id, member_id, deputy_id, at, method, note, region_code, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, member.id(), c.deputyId(), c.at(), method.name(), Activities.blank(c.note()) ? null : c.note().strip(),
					member.regionCode(), user.username(), OffsetDateTime.now(clock))
			.update();
		return contacts("k.id = ?", List.of(id)).get(0);
	}

	/** The contacts of a year in the caller's scope, optionally of one member, newest first. */
	public List<Contact> list(int year, UUID memberId) {
		Scope scope = Scope.current();
		List<Object> params = new ArrayList<>(List.of(scope.regionPattern(), start(year), start(year + 1)));
		String where = "k.region_code like ? and k.at >= ? and k.at < ?";
		if (memberId != null) {
			where += " and k.member_id = ?";
			params.add(memberId);
		}
		return contacts(where, params);
	}

	/**
	 * Each planned pair of a year in the region (scope-checked by the caller) with its target and the
	 * contacts recorded in the year, by member's name.
	 */
	public List<PlanEntry> completion(int year, String regionCode) {
		List<PlanEntry> rows = jdbc.sql("""
				select p.member_id, p.deputy_id, p.target,
				  (select count(*) from duty_contact k where k.member_id = p.member_id and k.deputy_id = p.deputy_id
				    and k.at >= ? and k.at < ?)
				from duty_contact_plan p where p.year = ? and p.region_code like ?""")
			.params(start(year), start(year + 1), year, new RegionCode(regionCode).subtreePrefix() + "%")
			.query((rs, n) -> new PlanEntry(rs.getObject(1, UUID.class), null, rs.getObject(2, UUID.class), null, rs.getInt(3),
					rs.getInt(4)))
			.list();
		Map<UUID, String> names = deputies.findAll(rows.stream().flatMap(r -> java.util.stream.Stream.of(r.memberId(), r.deputyId()))
			.distinct().toList()).stream().collect(Collectors.toMap(DeputySummary::id, DeputySummary::name));
		return rows.stream()
			.map(r -> new PlanEntry(r.memberId(), names.get(r.memberId()), r.deputyId(), names.get(r.deputyId()), r.target(),
					r.contacts()))
			.sorted(java.util.Comparator.comparing(PlanEntry::memberName).thenComparing(PlanEntry::deputyName))
			.toList();
	}

	/** Completion per member and overall: contacts count towards a pair up to its target. */
	public Completion summary(int year, String regionCode) {
		List<PlanEntry> entries = completion(year, regionCode);
		Map<UUID, List<PlanEntry>> byMember = new LinkedHashMap<>();
		entries.forEach(e -> byMember.computeIfAbsent(e.memberId(), k -> new ArrayList<>()).add(e));
		List<MemberCompletion> members = byMember.values().stream()
			.map(list -> new MemberCompletion(list.get(0).memberId(), list.get(0).memberName(), list.size(),
					list.stream().mapToInt(PlanEntry::target).sum(), list.stream().mapToInt(PlanEntry::counted).sum(),
					list.stream().filter(PlanEntry::behind).count(), List.copyOf(list)))
			.toList();
		int target = members.stream().mapToInt(MemberCompletion::target).sum();
		int done = members.stream().mapToInt(MemberCompletion::done).sum();
		return new Completion(regionCode, year, members.size(), entries.size(), target, done,
				target == 0 ? 0.0 : (double) done / target, members);
	}

	private Deputy member(UUID id, List<FieldProblem> problems) {
		Deputy member = null;
		if (id != null) {
			try {
				member = deputies.get(id);
			}
			catch (LianluoException ex) {
				member = null;
			}
		}
		if (member == null || !member.committeeMember()) {
			problems.add(new FieldProblem("committeeMemberId", "duty.contact.member.invalid"));
			return null;
		}
		return member;
	}

	private List<Contact> contacts(String where, List<Object> params) {
		List<Contact> rows = jdbc.sql("select k.id, k.member_id, k.deputy_id, k.at, k.method, k.note, k.region_code from duty_contact k where "
				+ where + " order by k.at desc, k.id limit 500")
			.params(params)
			.query((rs, n) -> new Contact(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), null,
					rs.getObject(3, UUID.class), null, rs.getObject(4, OffsetDateTime.class).atZoneSameInstant(DutyStatistics.ZONE)
						.toOffsetDateTime(), ContactMethod.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7)))
			.list();
		Map<UUID, String> names = deputies.findAll(rows.stream().flatMap(r -> java.util.stream.Stream.of(r.committeeMemberId(), r.deputyId()))
			.distinct().toList()).stream().collect(Collectors.toMap(DeputySummary::id, DeputySummary::name));
		return rows.stream().map(r -> new Contact(r.id(), r.committeeMemberId(), names.get(r.committeeMemberId()), r.deputyId(),
				names.get(r.deputyId()), r.at(), r.method(), r.note(), r.regionCode())).toList();
	}

	private static OffsetDateTime start(int year) {
		return LocalDate.of(year, 1, 1).atStartOfDay(DutyStatistics.ZONE).toOffsetDateTime();
	}

	private static Actor requireAssessor() {
		Actor user = Actor.current();
		if (!user.has(Role.ASSESSOR)) {
			throw LianluoException.forbidden();
		}
		return user;
	}

	/** A contact as handed in (API.md's body). */
	public record NewContact(UUID committeeMemberId, UUID deputyId, OffsetDateTime at, String method, String note) {
	}

	public record Contact(UUID id, UUID committeeMemberId, String committeeMemberName, UUID deputyId, String deputyName,
			OffsetDateTime at, ContactMethod method, String note, String regionCode) {
	}

	/** A plan for a year: one committee member, the deputies they contact, the contacts each pair needs. */
	public record NewPlan(Integer year, UUID committeeMemberId, List<UUID> deputyIds, Integer target) {
	}

	/** One planned pair and how many contacts it had in the year. */
	public record PlanEntry(UUID memberId, String memberName, UUID deputyId, String deputyName, int target, int contacts) {

		public int counted() {
			return Math.min(contacts, target);
		}

		public boolean behind() {
			return contacts < target;
		}
	}

	public record MemberCompletion(UUID memberId, String memberName, int deputies, int target, int done, long behind,
			List<PlanEntry> pairs) {

		public double rate() {
			return target == 0 ? 0.0 : (double) done / target;
		}
	}

	public record Completion(String region, int year, int members, int pairs, int target, int done, double rate,
			List<MemberCompletion> byMember) {
	}
}
