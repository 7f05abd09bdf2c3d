package org.lianluo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one data generator of the benchmarks: opinions by the million with the deputies, stations, units and
 * activities that go with them, written by PostgreSQL itself ({@code insert … select … from generate_series},
 * in chunks of {@value #CHUNK} rows, one transaction each), not through the application. Everything it makes
 * is marked by a one-letter prefix (tracking codes {@code <prefix>000…}, names {@code 基准<prefix>…}) and
 * {@link #delete()} takes it away again.
 *
 * <p>The shape, per opinion number {@code g}: content of two clauses from the search evaluation texts (real
 * citizens' Chinese, so that segmentation and similar items have something to chew); a township of the chosen
 * counties; received at a day of the period; one kind and category of each in turn; every 5th gathered at a
 * station, every 10th on a deputy's visit (with the deputy on {@code opinion_deputy} and
 * {@code duty_opinion}); and a life cycle by {@code g % 20}: 6 in 20 CLOSED with a reply and a grade, 4
 * ACCEPTED and 2 ASSIGNED by a unit with a deadline, 1 REPLIED, 1 FED_BACK, 1 REJECTED, 1 ANSWERED, 4
 * RECEIVED. With a {@code dueShare}, every {@code 1/dueShare}-th opinion is instead ACCEPTED and overdue, with
 * its supervision step due, as the overdue sweep finds them.
 *
 * <p>Per million opinions: 20,000 deputies (each with a seat in the city's congress and a place in a station's
 * roster), 2,000 stations, 100 units and 200,000 activities with two attending deputies each: at ten million, the
 * province of issue 8 (200,000 deputies, 20,000 stations, 2,000,000 activities).
 */
public final class BenchData {

	/**
	 * Rows per statement: a transaction of this size keeps the WAL and the server's memory in bounds. (Ids are passed
	 * as {@code uuid[]}, whose elements have a fixed length, so picking one is a step: in a {@code text[]} PostgreSQL
	 * walks to the element, and with 200,000 deputies that made the inserts quadratic.)
	 */
	static final int CHUNK = 500_000;

	public static final List<String> COUNTIES = List.of("451002", "451003", "451022", "451024", "451026", "451027",
			"451028", "451029", "451030", "451031", "451081", "451082");

	private final JdbcClient jdbc;

	private final String prefix;

	/**
	 * @param prefix one upper-case letter that marks this generator's rows (and no other benchmark's)
	 */
	public BenchData(JdbcClient jdbc, char prefix) {
		if (prefix < 'A' || prefix > 'Z') {
			throw new IllegalArgumentException("prefix must be one letter A-Z");
		}
		this.jdbc = jdbc;
		this.prefix = String.valueOf(prefix);
	}

	/** What to generate. */
	public record Spec(int opinions, List<String> counties, Instant from, Instant until, double dueShare) {

		/** {@code opinions} over the 12 counties, received in the year before now, none due. */
		public static Spec of(int opinions) {
			Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			return new Spec(opinions, COUNTIES, now.minus(365, ChronoUnit.DAYS), now.minus(1, ChronoUnit.HOURS), 0);
		}

		/** Received within a calendar year (Asia/Shanghai). */
		public Spec inYear(int year) {
			return new Spec(opinions, counties, LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.ofHours(8)).toInstant(),
					LocalDate.of(year, 12, 31).atStartOfDay(ZoneOffset.ofHours(8)).toInstant(), dueShare);
		}

		/** All in the townships of these counties. */
		public Spec inCounties(List<String> codes) {
			return new Spec(opinions, List.copyOf(codes), from, until, dueShare);
		}

		/** This share of all opinions ACCEPTED, past their deadline, with a supervision step due now. */
		public Spec due(double share) {
			return new Spec(opinions, counties, from, until, share);
		}

		int deputies() {
			return Math.max(50, opinions / 50);
		}

		int stations() {
			return Math.max(10, opinions / 500);
		}

		int units() {
			return Math.max(20, opinions / 10_000);
		}

		int activities() {
			return opinions / 5;
		}
	}

	/** Rows written per table and the seconds each took. */
	public record Generated(Map<String, Long> rows, Map<String, Double> seconds) {

		public double totalSeconds() {
			return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
		}

		public long totalRows() {
			return rows.values().stream().mapToLong(Long::longValue).sum();
		}

		@Override
		public String toString() {
			StringBuilder b = new StringBuilder();
			rows.forEach((table, n) -> b.append(String.format("%-22s %,12d rows in %7.1f s = %,9.0f rows/s%n", table, n,
					seconds.get(table), n / Math.max(0.001, seconds.get(table)))));
			b.append(String.format("%-22s %,12d rows in %7.1f s = %,9.0f rows/s%n", "in all", totalRows(), totalSeconds(),
					totalRows() / Math.max(0.001, totalSeconds())));
			return b.toString();
		}
	}

	public Generated generate(Spec spec) {
		Map<String, Long> rows = new LinkedHashMap<>();
		Map<String, Double> seconds = new LinkedHashMap<>();
		List<String> townships = jdbc.sql("select code from region where level = 'TOWNSHIP' and substr(code, 1, 6) in (:c) order by code")
			.param("c", spec.counties())
			.query(String.class)
			.list();
		if (townships.isEmpty()) {
			throw new IllegalArgumentException("no townships in " + spec.counties());
		}
		String[] towns = townships.toArray(String[]::new);
		String[] clauses = clauses().toArray(String[]::new);
		String name = "基准" + prefix;

		timed("handling_unit", rows, seconds, () -> jdbc.sql("""
				insert into handling_unit (id, name, region_code, kind, created_at, updated_at)
				select gen_random_uuid(), ? || '承办单位' || g, c[1 + (g - 1) % cardinality(c)], 'GOVERNMENT_DEPARTMENT', now(), now()
				from generate_series(1, ?) g, (select cast(? as text[]) as c) x""")
			.params(name, spec.units(), spec.counties().toArray(String[]::new))
			.update());
		timed("station", rows, seconds, () -> jdbc.sql("""
				insert into station (id, name, kind, region_code, address, status, created_at, updated_at)
				select gen_random_uuid(), ? || '联络站' || g, 'STANDARD', t[1 + g % cardinality(t)], '基准地址' || g, 'ACTIVE', now(), now()
				from generate_series(1, ?) g, (select cast(? as text[]) as t) x""")
			.params(name, spec.stations(), towns)
			.update());
		timed("deputy", rows, seconds, () -> jdbc.sql("""
				insert into deputy (id, name, gender, ethnicity, birth_year, region_code, created_at, updated_at)
				select gen_random_uuid(), ? || g, case when g % 2 = 0 then 'FEMALE' else 'MALE' end,
				  case when g % 3 = 0 then 'HAN' else 'ZHUANG' end, 1950 + g % 50, t[1 + g % cardinality(t)], now(), now()
				from generate_series(1, ?) g, (select cast(? as text[]) as t) x""")
			.params(name, spec.deputies(), towns)
			.update());
		UUID congress = cityCongress();
		timed("deputy_seat", rows, seconds, () -> jdbc.sql("""
				insert into deputy_seat (id, deputy_id, congress_id, level, status, started_on)
				select gen_random_uuid(), d.id, ?, 'CITY', 'ACTIVE', date '2022-01-01' from deputy d where d.name like ?""")
			.params(congress, name + "%")
			.update());
		String[] stationIds = ids("station", name);
		String[] deputyIds = ids("deputy", name);
		String[] unitIds = ids("handling_unit", name);
		// For each township, the position of its county in the spec's list: an opinion goes to a unit of its county.
		Integer[] townCounty = townships.stream().map(t -> spec.counties().indexOf(t.substring(0, 6))).toArray(Integer[]::new);
		timed("station_deputy", rows, seconds, () -> jdbc.sql("""
				insert into station_deputy (station_id, deputy_id, position)
				select s[1 + g % cardinality(s)], d[g], g / cardinality(s)
				from generate_series(1, ?) g, (select cast(? as uuid[]) as s, cast(? as uuid[]) as d) x""")
			.params(deputyIds.length, stationIds, deputyIds)
			.update());

		long fromEpoch = spec.from().getEpochSecond();
		long span = Math.max(1, spec.until().getEpochSecond() - fromEpoch);
		int dueEvery = spec.dueShare() > 0 ? (int) Math.round(1 / spec.dueShare()) : 0;
		for (int start = 1; start <= spec.opinions(); start += CHUNK) {
			int end = Math.min(spec.opinions(), start + CHUNK - 1);
			int first = start;
			timed("opinion", rows, seconds, () -> jdbc.sql(OPINIONS)
				.params(prefix, span, spec.opinions(), fromEpoch, dueEvery, towns, clauses, stationIds, unitIds, townCounty,
						spec.counties().size(), first, end)
				.update());
		}
		String codes = prefix + "%";
		timed("opinion_deputy", rows, seconds, () -> jdbc.sql("""
				insert into opinion_deputy (opinion_id, deputy_id)
				select o.id, d[1 + abs(hashtext(o.tracking_code)) % cardinality(d)]
				from opinion o, (select cast(? as uuid[]) as d) x where o.tracking_code like ? and o.channel = 'DEPUTY_VISIT'""")
			.params(deputyIds, codes)
			.update());
		timed("duty_opinion", rows, seconds, () -> jdbc.sql("""
				insert into duty_opinion (opinion_id, deputy_id, station_id, received_at)
				select o.id, od.deputy_id, o.station_id, o.received_at
				from opinion o join opinion_deputy od on od.opinion_id = o.id where o.tracking_code like ?""")
			.param(codes)
			.update());
		for (int start = 1; start <= spec.activities(); start += CHUNK) {
			int end = Math.min(spec.activities(), start + CHUNK - 1);
			int first = start;
			timed("duty_activity", rows, seconds, () -> jdbc.sql("""
					with x as materialized (select cast(? as text[]) as t, cast(? as uuid[]) as s)
					insert into duty_activity (id, type, title, start_at, end_at, region_code, station_id, voters_received,
					  mixed_level, disputes_resolved, created_by, created_at)
					select gen_random_uuid(), (array['VISIT','RECEPTION','RESEARCH','INSPECTION','PUBLIC_MEETING','TRAINING'])[1 + g % 6],
					  ? || '活动' || g, to_timestamp(? + (g * 7919::bigint) % ?), to_timestamp(? + (g * 7919::bigint) % ? + 7200),
					  t[1 + g % cardinality(t)], s[1 + g % cardinality(s)], g % 20, g % 7 = 0, g % 3, 'bench', now()
					from generate_series(?, ?) g, x""")
				.params(towns, stationIds, name, fromEpoch, span, fromEpoch, span, first, end)
				.update());
		}
		timed("duty_activity_deputy", rows, seconds, () -> jdbc.sql("""
				insert into duty_activity_deputy (activity_id, deputy_id, attendance)
				select a.id, d[1 + (abs(hashtext(a.title)) + k) % cardinality(d)],
				  case when k = 0 then 'SIGNED_IN' else (array['SIGNED_IN','EXCUSED','ABSENT'])[1 + abs(hashtext(a.title)) % 3] end
				from duty_activity a, generate_series(0, 1) k, (select cast(? as uuid[]) as d) x where a.title like ?""")
			.params(deputyIds, name + "活动%")
			.update());
		jdbc.sql("analyze").update();
		return new Generated(rows, seconds);
	}

	/**
	 * Removes everything this generator made with this prefix, in one transaction. The children are deleted
	 * first and explicitly, so the foreign keys' checks (six per opinion row, half an hour for ten million) are
	 * switched off for it ({@code session_replication_role = replica}: the test database's superuser may).
	 */
	public void delete() {
		String name = "基准" + prefix;
		String codes = prefix + "%";
		String mine = "(select id from opinion where tracking_code like '" + codes + "')";
		jdbc.sql("do $$ begin set local session_replication_role = replica;"
				+ " delete from duty_activity_deputy where activity_id in (select id from duty_activity where title like '" + name + "活动%');"
				+ " delete from duty_activity where title like '" + name + "活动%';"
				+ " delete from duty_opinion where opinion_id in " + mine + ";"
				+ " delete from opinion_event where opinion_id in " + mine + ";"
				+ " delete from opinion_idempotency where opinion_id in " + mine + ";"
				+ " delete from opinion_assisting_unit where opinion_id in " + mine + ";"
				+ " delete from opinion_deputy where opinion_id in " + mine + ";"
				+ " delete from search_document where type = 'OPINION' and id in " + mine + ";"
				+ " delete from opinion where tracking_code like '" + codes + "';"
				+ " delete from station_deputy where deputy_id in (select id from deputy where name like '" + name + "%');"
				+ " delete from station where name like '" + name + "联络站%';"
				+ " delete from deputy_seat where deputy_id in (select id from deputy where name like '" + name + "%');"
				+ " delete from deputy where name like '" + name + "%';"
				+ " delete from handling_unit where name like '" + name + "承办单位%';"
				+ " end $$").update();
		// Triggers were off: the monthly sums are made again from the opinions and activities left.
		jdbc.sql("do $$ begin perform opinion_rollup_rebuild(); perform duty_rollup_rebuild(); end $$").update();
	}

	/**
	 * One chunk of opinions. Parameters: prefix, seconds of the period, total, its start (epoch seconds), every
	 * how many an overdue one (0: none), townships, clauses, station and unit ids, each township's county (its
	 * position in the spec's list), the number of counties, and the chunk's first and last number. The constants
	 * are a materialized CTE, made once per statement: inlined, the casts of the id arrays ran for every row once
	 * PostgreSQL switched the repeated statement to a generic plan (from the tenth chunk on), parsing all 21,000
	 * ids of the province per opinion. Unit {@code j} (from 1) is of county {@code (j - 1) % counties}, so an
	 * opinion's unit is one of its own county's, as in life.
	 */
	private static final String OPINIONS = """
			with x as materialized (
			  select cast(? as text) as p, cast(? as bigint) as span, cast(? as int) as total, cast(? as bigint) as f,
			    cast(? as int) as due, cast(? as text[]) as t, cast(? as text[]) as c, cast(? as uuid[]) as s,
			    cast(? as uuid[]) as u, cast(? as int[]) as k, cast(? as int) as nc)
			insert into opinion (id, tracking_code, status, kind, category, channel, content, region_code, station_id,
			  anonymous, received_at, lead_unit_id, assigned_at, deadline, supervision_level, next_supervision_at,
			  reply_result, reply_text, replied_at, fed_back_at, grade, rated_at, answer, reject_reason, implemented,
			  closed_at, version, created_at, updated_at)
			select gen_random_uuid(), p || lpad(to_hex(g), 12, '0'), st,
			  (array['SUGGESTION','COMPLAINT','INQUIRY','HELP','URGENT'])[1 + g % 5],
			  (array['EMPLOYMENT','ELDERLY_CARE','EDUCATION','HEALTH','TRANSPORT','AGRICULTURE','ENVIRONMENT',
			         'INFRASTRUCTURE','SOCIAL_SECURITY','CULTURE_TOURISM','DISPUTE','OTHER'])[1 + (g / 5) % 12],
			  case when g % 10 = 0 then 'DEPUTY_VISIT' when g % 5 = 0 then 'STATION_RECEPTION' else 'PORTAL' end,
			  c[1 + (g * 7919::bigint) % cardinality(c)] || '，' || c[1 + (g * 104729::bigint) % cardinality(c)],
			  t[1 + (g * 31::bigint) % cardinality(t)],
			  case when g % 5 = 0 then s[1 + g % cardinality(s)] end,
			  g % 2 = 0, r,
			  case when st not in ('RECEIVED','ANSWERED','REJECTED')
			       then u[1 + k[1 + (g * 31::bigint) % cardinality(t)] + nc * (g % (cardinality(u) / nc))] end,
			  case when st not in ('RECEIVED','ANSWERED','REJECTED') then r + interval '1 day' end,
			  case when overdue then now() - interval '1 day'
			       when st not in ('RECEIVED','ANSWERED','REJECTED') then r + interval '20 days' end,
			  case when overdue then 1 else 0 end,
			  case when overdue then now() - interval '1 hour'
			       when st in ('ASSIGNED','ACCEPTED') then greatest(r + interval '19 days', now() + interval '30 days') end,
			  case when st in ('REPLIED','FED_BACK','CLOSED') then (array['RESOLVED','PLANNED','EXPLAINED'])[1 + g % 3] end,
			  case when st in ('REPLIED','FED_BACK','CLOSED') then '已按意见办理，情况已向群众说明。' end,
			  case when st in ('REPLIED','FED_BACK','CLOSED') then r + interval '10 days' end,
			  case when st in ('FED_BACK','CLOSED') then r + interval '11 days' end,
			  case when st = 'CLOSED' then (array['SATISFIED','SATISFIED','BASICALLY_SATISFIED','UNSATISFIED'])[1 + g % 4] end,
			  case when st = 'CLOSED' then r + interval '12 days' end,
			  case when st = 'ANSWERED' then '已当场答复。' end,
			  case when st = 'REJECTED' then '不属于人大代表工作受理范围。' end,
			  st = 'CLOSED' and g % 2 = 0,
			  case when st = 'CLOSED' then r + interval '12 days' end,
			  0, now(), now()
			from (
			  select g, p, t, c, s, u, k, nc, to_timestamp(f + (g * 7919::bigint) % span) as r, overdue,
			    case when overdue then 'ACCEPTED'
			      else (array['CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','ACCEPTED','ACCEPTED','ACCEPTED','ACCEPTED',
			        'ASSIGNED','ASSIGNED','REPLIED','FED_BACK','REJECTED','ANSWERED','RECEIVED','RECEIVED','RECEIVED','RECEIVED'])[1 + g % 20]
			    end as st
			  from (select g, case when due > 0 then g % due = 0 else false end as overdue, p, span, total, f, t, c, s, u, k, nc
			        from x, generate_series(cast(? as int), cast(? as int)) g) y
			) z""";

	private UUID cityCongress() {
		jdbc.sql("""
				insert into congress (id, level, region_code, created_at) values (gen_random_uuid(), 'CITY', '451000', now())
				on conflict (level, region_code) do nothing""").update();
		return jdbc.sql("select id from congress where level = 'CITY' and region_code = '451000'").query(UUID.class).single();
	}

	private String[] ids(String table, String name) {
		return jdbc.sql("select cast(id as text) from " + table + " where name like ? order by length(name), name").param(name + "%")
			.query(String.class)
			.list()
			.toArray(String[]::new);
	}

	private static void timed(String table, Map<String, Long> rows, Map<String, Double> seconds, java.util.function.IntSupplier insert) {
		long t = System.nanoTime();
		int n = insert.getAsInt();
		rows.merge(table, (long) n, Long::sum);
		seconds.merge(table, (System.nanoTime() - t) / 1e9, Double::sum);
	}

	/** The clauses of the search evaluation texts: real requests as citizens word them. */
	public static List<String> clauses() {
		List<String> out = new ArrayList<>();
		for (String file : List.of("search/paraphrases.tsv", "search/confusers.tsv")) {
			try {
				new String(new ClassPathResource(file).getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
					.filter(l -> !l.isBlank() && !l.startsWith("#"))
					.map(l -> l.split("\t")[3])
					.flatMap(t -> Arrays.stream(t.split("[，。？！、]")))
					.filter(c -> c.length() >= 4)
					.forEach(out::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return out;
	}
}
