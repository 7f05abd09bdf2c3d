package org.lianluo.identity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.lianluo.identity.AuditLog.Action;
import org.lianluo.platform.Ids;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.LianluoException.FieldProblem;
import org.lianluo.platform.Page;
import org.lianluo.region.RegionCode;
import org.lianluo.region.Regions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and changing users: ADMIN only, within the admin's scope, every change audited. */
@Service
public class UserManagement {

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,64}");

	private final Users users;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final Regions regions;

	private final ObjectProvider<LinkedRecords> links;

	UserManagement(Users users, PasswordEncoder encoder, AuditLog audit, Regions regions,
			ObjectProvider<LinkedRecords> links) {
		this.users = users;
		this.encoder = encoder;
		this.audit = audit;
		this.regions = regions;
		this.links = links;
	}

	public Page<User> list(String q, int page, int size) {
		Scope scope = Scope.current();
		return new Page<>(users.page(scope.regionPattern(), q, page, size), page, size, users.count(scope.regionPattern(), q));
	}

	public User get(UUID id) {
		User user = users.byId(id).orElseThrow(LianluoException::notFound);
		Scope.current().check(user.regionCode());
		return user;
	}

	@Transactional
	public User create(UserForm form) {
		List<FieldProblem> problems = validate(form, true);
		if (form.username() != null && users.exists(form.username().trim())) {
			problems.add(new FieldProblem("username", "user.username.taken"));
		}
		if (!problems.isEmpty()) {
			throw LianluoException.invalidFields(problems);
		}
		User user = new User(Ids.newId(), form.username().trim(), form.displayName().trim(), form.roles(),
				form.regionCode(), form.unitId(), form.deputyId(), true, null, null);
		users.insert(user, encoder.encode(form.password()));
		audit.record(Action.USER_CREATED, user.username(), "roles=" + form.roles() + " region=" + form.regionCode());
		return get(user.id());
	}

	@Transactional
	public User update(UUID id, UserForm form) {
		User before = get(id);
		List<FieldProblem> problems = validate(form, false);
		if (!problems.isEmpty()) {
			throw LianluoException.invalidFields(problems);
		}
		User after = new User(id, before.username(), form.displayName().trim(), form.roles(), form.regionCode(),
				form.unitId(), form.deputyId(), form.enabled() == null || form.enabled(), before.lockedUntil(),
				before.createdAt());
		users.update(after);
		audit.record(Action.USER_UPDATED, before.username(), "region=" + form.regionCode() + " enabled=" + after.enabled());
		if (!before.roles().equals(after.roles())) {
			audit.record(Action.ROLES_CHANGED, before.username(), before.roles() + " -> " + after.roles());
		}
		boolean passwordChanged = form.password() != null && !form.password().isBlank();
		if (passwordChanged) {
			users.updatePassword(id, encoder.encode(form.password()));
			audit.record(Action.PASSWORD_CHANGED, before.username(), null);
		}
		// what the user may do has changed: their screen sessions and API tokens end, on every node
		if (passwordChanged || !before.roles().equals(after.roles()) || !before.regionCode().equals(after.regionCode())
				|| !Objects.equals(before.unitId(), after.unitId()) || !Objects.equals(before.deputyId(), after.deputyId())
				|| before.enabled() != after.enabled()) {
			users.endSessions(id);
			audit.record(Action.SESSIONS_ENDED, before.username(), null);
		}
		return get(id);
	}

	/** Creates the first administrator when no user named {@code admin} exists. */
	@Transactional
	public boolean createAdminIfMissing(String password) {
		if (users.exists("admin")) {
			return false;
		}
		User admin = new User(Ids.newId(), "admin", "系统管理员", EnumSet.of(Role.ADMIN), "451000", null, null, true, null, null);
		users.insert(admin, encoder.encode(password));
		audit.record("system", Action.USER_CREATED, "admin", "first administrator");
		return true;
	}

	private List<FieldProblem> validate(UserForm form, boolean creating) {
		List<FieldProblem> problems = new ArrayList<>();
		if (creating && (form.username() == null || !USERNAME.matcher(form.username().trim()).matches())) {
			problems.add(new FieldProblem("username", "user.username.format"));
		}
		if (form.displayName() == null || form.displayName().isBlank() || form.displayName().length() > 64) {
			problems.add(new FieldProblem("displayName", "user.display-name.required"));
		}
		boolean passwordGiven = form.password() != null && !form.password().isBlank();
		if ((creating || passwordGiven) && (form.password() == null || form.password().length() < 8
				|| form.password().length() > 128)) {
			problems.add(new FieldProblem("password", "user.password.length"));
		}
		if (form.roles() == null || form.roles().isEmpty()) {
			problems.add(new FieldProblem("roles", "user.roles.required"));
		}
		if (form.regionCode() == null || !regions.exists(form.regionCode())) {
			problems.add(new FieldProblem("regionCode", "problem.field.region"));
		}
		else if (!Scope.current().covers(form.regionCode())) {
			problems.add(new FieldProblem("regionCode", "user.region.outside-scope"));
		}
		if (form.roles() != null && form.roles().contains(Role.UNIT_HANDLER) && form.unitId() == null) {
			problems.add(new FieldProblem("unitId", "user.unit.required"));
		}
		if (form.roles() != null && form.roles().contains(Role.DEPUTY) && form.deputyId() == null) {
			problems.add(new FieldProblem("deputyId", "user.deputy.required"));
		}
		checkLink("unitId", form.unitId(), form.regionCode(), problems);
		checkLink("deputyId", form.deputyId(), form.regionCode(), problems);
		return problems;
	}

	/**
	 * A linked unit or deputy must exist inside the administrator's scope and the user's own region: a county's
	 * administrator cannot hand another county's unit or deputy to anybody. Absent and outside read the same.
	 */
	private void checkLink(String field, UUID id, String userRegion, List<FieldProblem> problems) {
		if (id == null) {
			return;
		}
		String region = links.orderedStream()
			.filter(l -> l.field().equals(field))
			.findFirst()
			.flatMap(l -> l.regionOf(id))
			.orElse(null);
		boolean inside = region != null && Scope.current().covers(region) && userRegion != null
				&& RegionCode.isValid(userRegion) && new RegionCode(userRegion).contains(region);
		if (!inside) {
			problems.add(new FieldProblem(field, field.equals("unitId") ? "user.unit.outside-scope" : "user.deputy.outside-scope"));
		}
	}

	/** What an administrator fills in for a user; password may stay empty on update. */
	public record UserForm(String username, String displayName, String password, Set<Role> roles, String regionCode,
			UUID unitId, UUID deputyId, Boolean enabled) {
	}
}
