package org.lianluo.unit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.lianluo.platform.Text;
import org.lianluo.identity.Scope;
import org.lianluo.platform.Ids;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.LianluoException.FieldProblem;
import org.lianluo.platform.Page;
import org.lianluo.region.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The handling units: read by every module, written by staff within their scope. */
@Service
public class Units {

	private static final String COLUMNS = "id, name, region_code, kind, parent_id, contact_name";

	private final JdbcClient jdbc;

	private final Regions regions;

	Units(JdbcClient jdbc, Regions regions) {
		this.jdbc = jdbc;
		this.regions = regions;
	}

	/** Every unit's name, whatever the caller's scope: the search module's dictionary of local names. */
	public List<String> allNames() {
		return jdbc.sql("select name from handling_unit order by name").query(String.class).list();
	}

	/** Any unit by id, whatever the caller's scope: loops assign across regions. */
	public Optional<HandlingUnit> find(UUID id) {
		return id == null ? Optional.empty()
				: jdbc.sql("select " + COLUMNS + " from handling_unit where id = ?").param(id).query(Units::map).optional();
	}

	public List<HandlingUnit> findAll(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " from handling_unit where id = any(?)")
			.param(ids.toArray(UUID[]::new))
			.query(Units::map)
			.list();
	}

	/** A unit the caller may see: within their scope, or their own unit. */
	public HandlingUnit get(UUID id) {
		HandlingUnit unit = find(id).orElseThrow(LianluoException::notFound);
		Scope scope = Scope.current();
		if (!unit.id().equals(scope.unitId())) {
			scope.check(unit.regionCode());
		}
		return unit;
	}

	public Page<HandlingUnit> list(String region, String q, int page, int size) {
		String pattern = Scope.current().narrow(region);
		String like = q == null || q.isBlank() ? "%" : "%" + q.trim() + "%";
		List<HandlingUnit> items = jdbc.sql("select " + COLUMNS
				+ " from handling_unit where region_code like ? and name like ? order by region_code, name limit ? offset ?")
			.params(pattern, like, size, page * size)
			.query(Units::map)
			.list();
		long total = jdbc.sql("select count(*) from handling_unit where region_code like ? and name like ?")
			.params(pattern, like)
			.query(Long.class)
			.single();
		return new Page<>(items, page, size, total);
	}

	@Transactional
	public HandlingUnit create(UnitForm form) {
		validate(form);
		return find(insert(form)).orElseThrow();
	}

	/** Inserts units already checked with {@link #problems(UnitForm)}: the import's path. */
	@Transactional
	public void insertAll(List<UnitForm> forms) {
		forms.forEach(this::insert);
	}

	public boolean exists(String name, String regionCode) {
		return jdbc.sql("select count(*) from handling_unit where name = ? and region_code = ?").params(name.trim(), regionCode)
			.query(Long.class).single() > 0;
	}

	/** A unit by its exact name, whatever the caller's scope; the first by region when several share it. */
	public Optional<HandlingUnit> findByName(String name) {
		return jdbc.sql("select " + COLUMNS + " from handling_unit where name = ? order by region_code limit 1")
			.param(name.trim()).query(Units::map).optional();
	}

	private UUID insert(UnitForm form) {
		UUID id = Ids.newId();
		jdbc.sql("""
				insert into handling_unit (id, name, region_code, kind, parent_id, contact_name, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, now(), now())""")
			.params(id, form.name().trim(), form.regionCode(), kind(form).name(), form.parentId(), Text.blankToNull(form.contactName()))
			.update();
		return id;
	}

	@Transactional
	public HandlingUnit update(UUID id, UnitForm form) {
		get(id);
		validate(form);
		jdbc.sql("""
				update handling_unit set name = ?, region_code = ?, kind = ?, parent_id = ?, contact_name = ?, updated_at = now()
				where id = ?""")
			.params(form.name().trim(), form.regionCode(), kind(form).name(), form.parentId(), Text.blankToNull(form.contactName()), id)
			.update();
		return find(id).orElseThrow();
	}

	private void validate(UnitForm form) {
		List<FieldProblem> problems = problems(form);
		if (!problems.isEmpty()) {
			throw LianluoException.invalidFields(problems);
		}
	}

	/** What is wrong with a form, field by field; empty when it may be saved. */
	public List<FieldProblem> problems(UnitForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		if (form.name() == null || form.name().isBlank() || form.name().trim().length() > 100) {
			problems.add(new FieldProblem("name", "unit.name.required"));
		}
		if (form.regionCode() == null || !regions.exists(form.regionCode())) {
			problems.add(new FieldProblem("regionCode", "problem.field.region"));
		}
		else if (!Scope.current().covers(form.regionCode())) {
			problems.add(new FieldProblem("regionCode", "unit.region.outside-scope"));
		}
		if (form.parentId() != null && find(form.parentId()).isEmpty()) {
			problems.add(new FieldProblem("parentId", "unit.parent.missing"));
		}
		if (form.contactName() != null && form.contactName().trim().length() > 64) {
			problems.add(new FieldProblem("contactName", "unit.contact.too-long"));
		}
		return problems;
	}


	private static HandlingUnit.Kind kind(UnitForm form) {
		return form.kind() == null ? HandlingUnit.Kind.GOVERNMENT_DEPARTMENT : form.kind();
	}

	private static HandlingUnit map(ResultSet rs, int n) throws SQLException {
		return new HandlingUnit(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("region_code"),
				HandlingUnit.Kind.valueOf(rs.getString("kind")), rs.getObject("parent_id", UUID.class),
				rs.getString("contact_name"));
	}

	/** What staff fill in for a unit. */
	public record UnitForm(String name, String regionCode, HandlingUnit.Kind kind, UUID parentId, String contactName) {
	}
}
