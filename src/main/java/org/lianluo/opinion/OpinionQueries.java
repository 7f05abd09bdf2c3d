package org.lianluo.opinion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.identity.Scope;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.TrackingCodes;
import org.lianluo.platform.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Lists of opinions for staff, always within the caller's scope: their region's subtree; a unit
 * handler only what their unit leads or assists; a deputy only what they received.
 */
@Service
public class OpinionQueries {

	/** How far {@link #list} counts its matches: when more match, its total is this and says it is capped. */
	public static final int TOTAL_CAP = 10_000;

	private static final java.util.regex.Pattern TRACKING_CODE = java.util.regex.Pattern.compile("[0-9A-HJKMNP-TV-Z]{13}");

	private final JdbcClient jdbc;

	private final Deadlines deadlines;

	private final Clock clock;

	OpinionQueries(JdbcClient jdbc, Deadlines deadlines, Clock clock) {
		this.jdbc = jdbc;
		this.deadlines = deadlines;
		this.clock = clock;
	}

	static boolean canSee(Actor user, String regionCode, UUID leadUnit, Collection<UUID> assisting,
			Collection<UUID> deputies, java.util.function.BooleanSupplier atTheirStation) {
		Scope scope = user.scope();
		if (scope.unitId() != null) {
			return scope.unitId().equals(leadUnit) || assisting.contains(scope.unitId());
		}
		if (scope.deputyId() != null) {
			return deputies.contains(scope.deputyId()) || atTheirStation.getAsBoolean();
		}
		return scope.covers(regionCode);
	}

	/**
	 * Whether the caller may read tracking codes: the office (API.md), never the unit being rated nor a deputy (who
	 * reads it only on the receipt of an opinion they register). Fails closed: a role outside the office sees none.
	 */
	public static boolean showsTrackingCodes(Actor user) {
		Scope scope = user.scope();
		return !user.has(Role.UNIT_HANDLER) && scope.unitId() == null && scope.deputyId() == null
				&& user.hasAny(List.of(Role.ASSESSOR, Role.STATION_ADMIN, Role.ADMIN, Role.LEADER));
	}

	/**
	 * A page of the opinions in the caller's scope that match {@code f}. Its total is exact up to {@link #TOTAL_CAP};
	 * beyond it the total is the cap and says so ({@link Page#totalCapped()}), so that a page of a county with a
	 * million opinions reads the page and at most the cap's worth of index entries, not every opinion of the county.
	 */
	public Page<Row> list(Filter f, int page, int size) {
		Actor user = Actor.current();
		boolean codes = showsTrackingCodes(user);
		Instant now = clock.instant();
		Matching m = matching(f, user, codes, now);
		String where = m.where();
		List<Object> params = m.params();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(size);
		pageParams.add((long) page * size);
		List<Row> items = jdbc.sql(ROWS + where + m.order() + " limit ? offset ?")
			.params(pageParams)
			.query((rs, n) -> row(rs, now, codes, EXCERPT))
			.list();
		long before = (long) page * size;
		if (items.size() < size && (page == 0 || !items.isEmpty())) {
			// The last page: what came before it and what it holds are all there is.
			return new Page<>(items, page, size, before + items.size());
		}
		List<Object> countParams = new ArrayList<>(params);
		countParams.add(TOTAL_CAP + 1);
		long counted = jdbc.sql("select count(*) from (select 1 from opinion o" + where + " limit ?) matching")
			.params(countParams)
			.query(Long.class)
			.single();
		return counted > TOTAL_CAP ? new Page<>(items, page, size, TOTAL_CAP, true) : new Page<>(items, page, size, counted);
	}

	/**
	 * The caller's list with these filters in its order, at most {@code max} rows, each with its whole content: what
	 * the list's .xlsx export holds (the same scope and filters as a page of the list).
	 */
	public List<Row> export(Filter f, int max) {
		Actor user = Actor.current();
		boolean codes = showsTrackingCodes(user);
		Instant now = clock.instant();
		Matching m = matching(f, user, codes, now);
		List<Object> params = new ArrayList<>(m.params());
		params.add(max);
		return jdbc.sql(ROWS + m.where() + m.order() + " limit ?")
			.params(params)
			.query((rs, n) -> row(rs, now, codes, Integer.MAX_VALUE))
			.list();
	}

	/** The WHERE clause and its parameters of a list's filters within the caller's scope, and the ORDER BY. */
	private record Matching(String where, List<Object> params, String order) {
	}

	private Matching matching(Filter f, Actor user, boolean codes, Instant now) {
		Scope scope = user.scope();
		StringBuilder where = new StringBuilder(" where");
		List<Object> params = new ArrayList<>();
		regionClause(scope.narrow(f.region()), where, params);
		narrowToUnitOrDeputy(scope, where, params);
		if (f.status() != null) {
			where.append(" and o.status = ?");
			params.add(f.status().name());
		}
		if (f.unit() != null) {
			where.append(" and o.lead_unit_id = ?");
			params.add(f.unit());
		}
		if (f.light() != null) {
			lightClause(f.light(), now, where, params);
		}
		if (f.q() != null && !f.q().isBlank()) {
			String q = f.q().strip();
			String code = TrackingCodes.normalise(q);
			if (codes && TRACKING_CODE.matcher(code).matches()) {
				// What a citizen reads out on the phone: the unique index answers it, no scan of the contents.
				where.append(" and o.tracking_code = ?");
				params.add(code);
			}
			else {
				where.append(" and o.content like ?");
				params.add("%" + q.replace("%", "\\%").replace("_", "\\_") + "%");
			}
		}
		String order = switch (f.order() == null ? Order.NEWEST : f.order()) {
			case NEWEST -> " order by o.received_at desc, o.id desc";
			case OLDEST -> " order by o.received_at, o.id";
			case DEADLINE -> " order by o.deadline nulls last, o.id";
		};
		return new Matching(where.toString(), params, order);
	}

	/** A unit handler's: what their unit leads or assists; a deputy's: what they received or was said at their station. */
	private static void narrowToUnitOrDeputy(Scope scope, StringBuilder where, List<Object> params) {
		if (scope.unitId() != null) {
			where.append(" and (o.lead_unit_id = ? or exists (select 1 from opinion_assisting_unit a where a.opinion_id = o.id and a.unit_id = ?))");
			params.add(scope.unitId());
			params.add(scope.unitId());
		}
		else if (scope.deputyId() != null) {
			// what they received, and what was said at a station whose roster they are on (opinion_station_idx)
			where.append(" and (exists (select 1 from opinion_deputy d where d.opinion_id = o.id and d.deputy_id = ?)"
					+ " or o.station_id in (select r.station_id from station_deputy r where r.deputy_id = ?))");
			params.add(scope.deputyId());
			params.add(scope.deputyId());
		}
	}

	/**
	 * The caller's region as the indexes of V22_0 can walk it in time order: a county, and a township or village
	 * within it, by the county's code (the first 6 digits, {@code opinion_county_received_idx}), a township or village
	 * also by its own prefix; a city or the province by its prefix alone, over {@code opinion_received_idx}.
	 */
	private static void regionClause(String pattern, StringBuilder where, List<Object> params) {
		String prefix = pattern.endsWith("%") ? pattern.substring(0, pattern.length() - 1) : null;
		if (prefix == null || prefix.length() < 6) {
			where.append(" o.region_code like ?");
			params.add(pattern);
			return;
		}
		where.append(" left(o.region_code, 6) = ?");
		params.add(prefix.substring(0, 6));
		if (prefix.length() > 6) {
			where.append(" and o.region_code like ?");
			params.add(pattern);
		}
	}

	/**
	 * Earlier opinions from the same phone, for triage: only those the caller may see (their region's subtree, and
	 * a unit's or a deputy's own), never with the phone itself nor their tracking codes.
	 */
	public List<Row> previousBySamePhone(Opinion o) {
		if (o.getSubmitterPhoneHash() == null) {
			return List.of();
		}
		Scope scope = Actor.current().scope();
		StringBuilder where = new StringBuilder(" where");
		List<Object> params = new ArrayList<>();
		regionClause(scope.regionPattern(), where, params);
		narrowToUnitOrDeputy(scope, where, params);
		where.append(" and o.submitter_phone_hash = ? and o.id <> ?");
		params.add(o.getSubmitterPhoneHash());
		params.add(o.getId());
		Instant now = clock.instant();
		return jdbc.sql("select o.id, o.tracking_code, o.status, o.kind, o.category, o.channel, o.region_code,"
				+ " o.content, o.received_at, o.lead_unit_id, o.deadline, o.extended, o.supervision_level, o.submitter_phone_hash"
				+ " from opinion o" + where + " order by o.received_at desc limit 20")
			.params(params)
			.query((rs, n) -> row(rs, now, false, EXCERPT))
			.list();
	}

	/**
	 * 办理结果公开: replies to opinions that were reported back or closed, newest first, by county and category.
	 * Only the category, place, kind and the reviewed reply are shown: never the content, a name or a code.
	 */
	public Page<PublicResult> publicResults(String county, Category category, int page, int size) {
		String pattern = county == null || county.isBlank() ? "%"
				: new org.lianluo.region.RegionCode(county).subtreePrefix() + "%";
		String where = " from opinion o where o.status in ('FED_BACK', 'CLOSED') and o.reply_result is not null"
				+ " and o.region_code like ? and (cast(? as varchar) is null or o.category = ?)";
		String cat = category == null ? null : category.name();
		List<PublicResult> items = jdbc.sql("select o.category, o.region_code, o.kind, o.reply_result, o.reply_text, o.fed_back_at"
				+ where + " order by o.fed_back_at desc, o.id limit ? offset ?")
			.params(pattern, cat, cat, size, (long) page * size)
			.query((rs, n) -> new PublicResult(Category.valueOf(rs.getString(1)), rs.getString(2),
					OpinionKind.valueOf(rs.getString(3)), ReplyResult.valueOf(rs.getString(4)), rs.getString(5),
					rs.getObject(6, OffsetDateTime.class).toInstant()))
			.list();
		long total = jdbc.sql("select count(*)" + where).params(pattern, cat, cat).query(Long.class).single();
		return new Page<>(items, page, size, total);
	}

	/**
	 * What the search module indexes of an opinion: its words, where it belongs and who may see it (units and
	 * deputies), never who said it. {@code published} is what {@link #publicResults} would show.
	 */
	public record IndexEntry(UUID id, String trackingCode, String regionCode, UUID stationId, Category category,
			OpinionStatus status, Instant receivedAt, String content, ReplyResult replyResult, String replyText,
			List<UUID> parties) {

		public boolean published() {
			return (status == OpinionStatus.FED_BACK || status == OpinionStatus.CLOSED) && replyResult != null;
		}
	}

	private static final String INDEX_SELECT = """
			select o.id, o.tracking_code, o.region_code, o.station_id, o.category, o.status, o.received_at, o.content,
			o.reply_result, o.reply_text,
			array_remove(array[o.lead_unit_id], null)
			|| coalesce((select array_agg(a.unit_id) from opinion_assisting_unit a where a.opinion_id = o.id), '{}')
			|| coalesce((select array_agg(d.deputy_id) from opinion_deputy d where d.opinion_id = o.id), '{}') as parties
			from opinion o""";

	public java.util.Optional<IndexEntry> indexEntry(UUID id) {
		return jdbc.sql(INDEX_SELECT + " where o.id = ?").param(id).query((rs, n) -> indexEntry(rs)).optional();
	}

	/** The next {@code limit} opinions after {@code after} in id order, for a rebuild of the index. */
	public List<IndexEntry> indexPage(UUID after, int limit) {
		return jdbc.sql(INDEX_SELECT + " where o.id > ? order by o.id limit ?")
			.params(after == null ? new UUID(0, 0) : after, limit)
			.query((rs, n) -> indexEntry(rs))
			.list();
	}

	private static IndexEntry indexEntry(ResultSet rs) throws SQLException {
		String reply = rs.getString("reply_result");
		return new IndexEntry(rs.getObject("id", UUID.class), rs.getString("tracking_code"), rs.getString("region_code"),
				rs.getObject("station_id", UUID.class), Category.valueOf(rs.getString("category")),
				OpinionStatus.valueOf(rs.getString("status")), rs.getObject("received_at", OffsetDateTime.class).toInstant(),
				rs.getString("content"), reply == null ? null : ReplyResult.valueOf(reply), rs.getString("reply_text"),
				List.of((UUID[]) rs.getArray("parties").getArray()));
	}

	/** The opinions merged into {@code primaryId} (its duplicates), oldest first. */
	public List<UUID> duplicatesOf(UUID primaryId) {
		return jdbc.sql("select id from opinion where primary_id = ? and status = 'MERGED' order by received_at, id")
			.param(primaryId)
			.query(UUID.class)
			.list();
	}

	/** "N 位群众反映同一问题": the primary's submitter and those of the opinions merged into it. */
	public int peopleReporting(UUID primaryId) {
		return 1 + duplicatesOf(primaryId).size();
	}

	/** A published result. */
	public record PublicResult(Category category, String regionCode, OpinionKind kind, ReplyResult result, String reply,
			Instant repliedAt) {
	}

	private void lightClause(Light light, Instant now, StringBuilder where, List<Object> params) {
		where.append(" and o.status in ('ASSIGNED', 'ACCEPTED', 'REOPENED')");
		OffsetDateTime at = OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC);
		OffsetDateTime soon = OffsetDateTime.ofInstant(deadlines.endOfNextWorkingDay(now), java.time.ZoneOffset.UTC);
		switch (light) {
			case RED -> {
				where.append(" and o.deadline < ?");
				params.add(at);
			}
			case YELLOW -> {
				where.append(" and o.deadline >= ? and (o.extended or o.deadline <= ?)");
				params.add(at);
				params.add(soon);
			}
			case GREEN -> {
				where.append(" and o.deadline > ? and not o.extended");
				params.add(soon);
			}
		}
	}

	private static final int EXCERPT = 80;

	private static final String ROWS = "select o.id, o.tracking_code, o.status, o.kind, o.category, o.channel,"
			+ " o.region_code, o.content, o.received_at, o.lead_unit_id, o.deadline, o.extended, o.supervision_level"
			+ " from opinion o";

	private Row row(ResultSet rs, Instant now, boolean withCode, int longest) throws SQLException {
		OpinionStatus status = OpinionStatus.valueOf(rs.getString("status"));
		OffsetDateTime deadline = rs.getObject("deadline", OffsetDateTime.class);
		Light light = null;
		if (status.isHandling() && deadline != null) {
			Instant d = deadline.toInstant();
			light = now.isAfter(d) ? Light.RED
					: rs.getBoolean("extended") || !d.isAfter(deadlines.endOfNextWorkingDay(now)) ? Light.YELLOW : Light.GREEN;
		}
		String content = rs.getString("content");
		return new Row(rs.getObject("id", UUID.class), withCode ? rs.getString("tracking_code") : null, status,
				OpinionKind.valueOf(rs.getString("kind")), Category.valueOf(rs.getString("category")),
				Channel.valueOf(rs.getString("channel")), rs.getString("region_code"),
				content.length() > longest ? content.substring(0, longest) + "…" : content,
				rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getObject("lead_unit_id", UUID.class),
				deadline == null ? null : deadline.toInstant(), light, rs.getInt("supervision_level"));
	}

	/** Filters of the staff list (API.md). */
	public record Filter(OpinionStatus status, String region, UUID unit, Light light, String q, Order order) {
	}

	/** Sort orders: the triage queue is oldest first, a workbench by deadline. */
	public enum Order {
		NEWEST, OLDEST, DEADLINE
	}

	/** One line of a list. */
	public record Row(UUID id, String trackingCode, OpinionStatus status, OpinionKind kind, Category category,
			Channel channel, String regionCode, String excerpt, Instant receivedAt, UUID leadUnitId, Instant deadline,
			Light light, int supervisionLevel) {
	}

	static void requireStaff(Actor user) {
		if (user.roles().stream().allMatch(r -> r == Role.CITIZEN)) {
			throw LianluoException.forbidden();
		}
	}
}
