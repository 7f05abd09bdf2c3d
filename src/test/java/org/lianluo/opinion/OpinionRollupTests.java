package org.lianluo.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.opinion.internal.RollupFolding;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The monthly sums of migration V21_0 against the opinions themselves, counted the long way with OpinionKpis'
 * conditions: equal after a whole loop with a reopening through the API, after changes made in SQL behind the
 * application's back (a new category, another township, an insert and a delete), after folding and after a rebuild.
 */
@LianluoTest
class OpinionRollupTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RollupFolding folding;

	/** Each kind of sum per region (the county for 'K'), month and key, from the opinion table directly. */
	private static final String DIRECT = """
			select dimension, place as region_code, month, key, count(*) filter (where dimension <> 'S') as received,
			  count(*) filter (where dimension <> 'S' and status in ('ASSIGNED','ACCEPTED','REPLIED','FED_BACK','REOPENED','CLOSED')),
			  count(*) filter (where status in ('FED_BACK','CLOSED') and reply_result is not null),
			  count(*) filter (where dimension <> 'S' and status in ('FED_BACK','CLOSED') and reply_result is not null and replied_at <= deadline),
			  count(*) filter (where dimension <> 'S' and grade is not null),
			  count(*) filter (where dimension <> 'S' and grade in ('SATISFIED','BASICALLY_SATISFIED')),
			  count(*) filter (where dimension <> 'S' and reply_result is not null),
			  count(*) filter (where dimension <> 'S' and reply_result = 'RESOLVED'),
			  count(*) filter (where dimension <> 'S' and implemented),
			  count(*) filter (where dimension <> 'S' and status = 'CLOSED'),
			  count(closed_at) filter (where dimension <> 'S' and status = 'CLOSED'),
			  round(coalesce(sum(extract(epoch from (closed_at - received_at)) / 86400.0) filter (where dimension <> 'S' and status = 'CLOSED'), 0), 6),
			  count(*) filter (where dimension <> 'S' and status = 'CLOSED' and reply_result = 'RESOLVED')
			from (
			  select 'C' as dimension, o.*, cast(date_trunc('month', received_at at time zone 'Asia/Shanghai') as date) as month,
			    cast(category as varchar) as key, region_code as place from opinion o
			  union all
			  select 'U', o.*, cast(date_trunc('month', received_at at time zone 'Asia/Shanghai') as date),
			    cast(lead_unit_id as varchar), region_code from opinion o where lead_unit_id is not null
			  union all
			  select 'K', o.*, cast(date_trunc('month', received_at at time zone 'Asia/Shanghai') as date),
			    cast(lead_unit_id as varchar), left(region_code, 6) from opinion o where lead_unit_id is not null
			  union all
			  select 'S', o.*, cast(date_trunc('month', fed_back_at at time zone 'Asia/Shanghai') as date), '', region_code
			  from opinion o where fed_back_at is not null and status in ('FED_BACK','CLOSED') and reply_result is not null) t
			group by dimension, place, month, key""";

	private static final String SUMMED = """
			select dimension, region_code, month, key, sum(received), sum(assigned), sum(settled), sum(on_time), sum(rated),
			  sum(satisfied), sum(replied), sum(resolved), sum(implemented), sum(closed), sum(closed_timed),
			  round(sum(closed_days), 6), sum(closed_resolved)
			from (select * from opinion_rollup union all select * from opinion_rollup_delta) r
			group by dimension, region_code, month, key having sum(received) <> 0 or sum(settled) <> 0""";

	@Test
	void theSumsEqualTheOpinionsCountedOneByOneAfterEveryKindOfChange() {
		LoopFixture f = new LoopFixture(port);
		Api citizen = new Api(port);
		String code = f.submitPublic(citizen, "那坡县城区路灯夜里不亮，行人不便，请尽快检修。");
		String id = f.idOf(code);
		f.assessor.post("/api/v1/opinions/" + id + "/triage", Map.of("route", "ASSIGN", "leadUnitId", f.unitId));
		f.handler.post("/api/v1/opinions/" + id + "/accept", Map.of());
		f.handler.post("/api/v1/opinions/" + id + "/reply", Map.of("result", "PLANNED", "text", "已列入检修计划。"));
		f.assessor.post("/api/v1/opinions/" + id + "/review", Map.of("approve", true));
		citizen.post("/api/v1/public/opinions/" + code + "/evaluation", Map.of("grade", "UNSATISFIED", "ratingKey", f.ratingKeyOf(code)));
		f.handler.post("/api/v1/opinions/" + id + "/accept", Map.of());
		f.handler.post("/api/v1/opinions/" + id + "/reply", Map.of("result", "RESOLVED", "text", "路灯已修复。"));
		f.assessor.post("/api/v1/opinions/" + id + "/review", Map.of("approve", true));
		Api.Response closed = citizen.post("/api/v1/public/opinions/" + code + "/evaluation",
				Map.of("grade", "SATISFIED", "ratingKey", f.ratingKeyOf(code)));
		assertThat(closed.json().get("status").asText()).isEqualTo("CLOSED");
		String other = f.idOf(f.submitPublic(citizen, "村里的自来水管破裂，停水两天了。"));
		f.assessor.post("/api/v1/opinions/" + other + "/triage", Map.of("route", "ASSIGN", "leadUnitId", f.unitId));
		assertThat(differences()).isEmpty();
		assertThat(rows(SUMMED)).filteredOn(row -> row.startsWith("(U,") && row.contains(f.unitId)).hasSize(1);

		// Behind the application's back: a new category, another township, a month earlier; a row in and out again.
		jdbc.sql("update opinion set category = 'DISPUTE', region_code = '451028100', received_at = received_at - interval '40 days' "
				+ "where id = cast(? as uuid)").param(id).update();
		// the copy by its id: a tracking code made up here could be one the application gave another test's opinion
		String copy = java.util.UUID.randomUUID().toString();
		jdbc.sql("""
				do $$ begin
				  create temporary table copied on commit drop as select * from opinion where tracking_code = 'CODE';
				  update copied set id = cast('COPY' as uuid), tracking_code = 'ZZ' || substr(md5(random()::text), 1, 11);
				  insert into opinion select * from copied;
				end $$""".replace("CODE", code).replace("COPY", copy)).update();
		assertThat(differences()).isEmpty();
		assertThat(jdbc.sql("delete from opinion where id = cast(? as uuid)").param(copy).update()).isOne();
		assertThat(differences()).isEmpty();

		long pending = jdbc.sql("select count(*) from opinion_rollup_delta").query(Long.class).single();
		assertThat(pending).isPositive();
		assertThat(folding.fold()).isEqualTo((int) pending);
		assertThat(jdbc.sql("select count(*) from opinion_rollup_delta").query(Long.class).single()).isZero();
		assertThat(differences()).isEmpty();

		jdbc.sql("select opinion_rollup_rebuild()").query(String.class).list();
		assertThat(differences()).isEmpty();
	}

	/** Rows in one and not the other, both read in one statement (one snapshot). */
	private List<String> differences() {
		return rows("((" + DIRECT + ") except (" + SUMMED + ")) union all ((" + SUMMED + ") except (" + DIRECT + "))");
	}

	private List<String> rows(String sql) {
		return jdbc.sql("select cast(t as text) from (" + sql + ") t order by 1").query(String.class).list();
	}
}
