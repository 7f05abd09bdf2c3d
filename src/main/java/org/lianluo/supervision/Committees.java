package org.lianluo.supervision;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.identity.User;
import org.lianluo.identity.UserManagement;
import org.lianluo.opinion.Category;
import org.lianluo.platform.Ids;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.LianluoException.FieldProblem;
import org.lianluo.platform.Page;
import org.lianluo.platform.Text;
import org.lianluo.region.RegionCode;
import org.lianluo.region.Regions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The special committees of the congresses in the caller's region: registered by the office, read by staff. */
@Service
public class Committees {

	private final JdbcClient jdbc;

	private final UserManagement users;

	private final Regions regions;

	private final Clock clock;

	Committees(JdbcClient jdbc, UserManagement users, Regions regions, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.regions = regions;
		this.clock = clock;
	}

	/** {@code POST /api/v1/committees}: members by user id, fields as opinion categories and proposal words. */
	public record CommitteeForm(String name, CommitteeKind kind, String regionCode, List<String> categories,
			List<String> subjects, List<UUID> memberIds) {
	}

	@Transactional
	public Committee create(CommitteeForm form, Actor actor) {
		return save(Ids.newId(), true, form, actor);
	}

	@Transactional
	public Committee update(UUID id, CommitteeForm form, Actor actor) {
		get(id, actor);
		return save(id, false, form, actor);
	}

	private Committee save(UUID id, boolean fresh, CommitteeForm form, Actor actor) {
		if (!actor.hasAny(List.of(Role.ASSESSOR, Role.ADMIN))) {
			throw LianluoException.forbidden();
		}
		List<FieldProblem> problems = new ArrayList<>();
		String name = Text.blankToNull(form.name());
		if (name == null || name.length() > 100) {
			problems.add(new FieldProblem("name", "supervision.committee.name.invalid"));
		}
		if (form.kind() == null) {
			problems.add(new FieldProblem("kind", "supervision.committee.kind.required"));
		}
		String region = form.regionCode();
		if (region == null || !RegionCode.isValid(region) || !regions.exists(region)) {
			problems.add(new FieldProblem("regionCode", "problem.field.region"));
		}
		else if (!actor.scope().covers(region)) {
			problems.add(new FieldProblem("regionCode", "supervision.outside-scope"));
		}
		Set<String> categories = new LinkedHashSet<>();
		for (String c : form.categories() == null ? List.<String>of() : form.categories()) {
			try {
				categories.add(Category.valueOf(String.valueOf(c).strip()).name());
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("categories", "supervision.committee.category", c));
			}
		}
		Set<String> subjects = new LinkedHashSet<>();
		for (String s : form.subjects() == null ? List.<String>of() : form.subjects()) {
			String word = Text.blankToNull(s);
			if (word != null && word.length() <= 50) {
				subjects.add(word);
			}
			else if (word != null) {
				problems.add(new FieldProblem("subjects", "supervision.committee.subject"));
			}
		}
		if (categories.isEmpty() && subjects.isEmpty()) {
			problems.add(new FieldProblem("categories", "supervision.committee.fields"));
		}
		Set<UUID> members = new LinkedHashSet<>(form.memberIds() == null ? List.of() : form.memberIds());
		members.remove(null);
		for (UUID m : members) {
			try {
				users.get(m);
			}
			catch (LianluoException ex) {
				problems.add(new FieldProblem("memberIds", "supervision.committee.member", m));
			}
		}
		if (!problems.isEmpty()) {
			throw LianluoException.invalidFields(problems);
		}
		try {
			if (fresh) {
				jdbc.sql("insert into special_committee (id, region_code, name, kind, created_at) values (?, ?, ?, ?, ?)")
					.params(id, region, name, form.kind().name(), OffsetDateTime.now(clock)).update();
			}
			else {
				jdbc.sql("update special_committee set region_code = ?, name = ?, kind = ? where id = ?")
					.params(region, name, form.kind().name(), id).update();
				jdbc.sql("delete from special_committee_field where committee_id = ?").param(id).update();
				jdbc.sql("delete from special_committee_member where committee_id = ?").param(id).update();
			}
		}
		catch (DuplicateKeyException ex) {
			throw LianluoException.invalidField("name", "supervision.committee.duplicate", name);
		}
		categories.forEach(c -> field(id, "CATEGORY", c));
		subjects.forEach(s -> field(id, "SUBJECT", s));
		members.forEach(m -> jdbc.sql("insert into special_committee_member (committee_id, user_id) values (?, ?)")
			.params(id, m).update());
		return get(id, actor);
	}

	private void field(UUID id, String kind, String value) {
		jdbc.sql("insert into special_committee_field (committee_id, kind, value) values (?, ?, ?)").params(id, kind, value)
			.update();
	}

	/** A committee in the caller's region, or 404. */
	public Committee get(UUID id, Actor actor) {
		return load("c.id = ?", List.of(id)).stream().filter(c -> actor.scope().covers(c.regionCode())).findFirst()
			.orElseThrow(LianluoException::notFound);
	}

	public Page<Committee> list(Actor actor, int page, int size) {
		return Page.of(load("c.region_code like ?", List.of(actor.scope().regionPattern())), page, size);
	}

	/** The committees the user is a member of. */
	public List<Committee> ofMember(UUID userId) {
		return load("exists (select 1 from special_committee_member m where m.committee_id = c.id and m.user_id = ?)",
				List.of(userId));
	}

	private List<Committee> load(String where, List<Object> params) {
		List<Committee> bare = jdbc.sql("select c.id, c.region_code, c.name, c.kind from special_committee c where " + where
				+ " order by c.region_code, c.name limit 500")
			.params(params)
			.query((rs, n) -> new Committee(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					CommitteeKind.valueOf(rs.getString(4)), List.of(), List.of(), List.of()))
			.list();
		return bare.stream().map(this::complete).toList();
	}

	private Committee complete(Committee c) {
		List<String> categories = jdbc.sql("select value from special_committee_field where committee_id = ? and kind = 'CATEGORY' order by value")
			.param(c.id()).query(String.class).list();
		List<String> subjects = jdbc.sql("select value from special_committee_field where committee_id = ? and kind = 'SUBJECT' order by value")
			.param(c.id()).query(String.class).list();
		List<Committee.Member> members = jdbc.sql("select user_id from special_committee_member where committee_id = ?")
			.param(c.id()).query(UUID.class).list().stream().map(this::member).toList();
		return new Committee(c.id(), c.regionCode(), c.name(), c.kind(), categories, subjects, members);
	}

	private Committee.Member member(UUID userId) {
		try {
			User u = users.get(userId);
			return new Committee.Member(userId, u.username(), u.displayName());
		}
		catch (LianluoException ex) {
			return new Committee.Member(userId, null, null);
		}
	}
}
