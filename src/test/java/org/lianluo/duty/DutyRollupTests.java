package org.lianluo.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.Staff.id;
import static org.lianluo.Staff.unique;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The monthly sums of migration V21_1 against the activities and their attendance counted the long way: equal after
 * activities and attendance through the API, after changes in SQL behind the application's back (another type and
 * month, attendance changed, a delete cascading to the attendance, a delete of the attendance first) and after a
 * rebuild.
 */
@LianluoTest
class DutyRollupTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private static final String KEY = """
			a.region_code, cast(date_trunc('month', a.start_at at time zone 'Asia/Shanghai') as date) as month, a.type,
			(a.type in ('VISIT','INSPECTION','BRIEFING','PUBLIC_MEETING') and coalesce(a.theme, '') <> '') as thematic""";

	private static final String DIRECT = """
			select region_code, month, type, thematic, count(*) filter (where activity), sum(voters), count(*) filter (where signed_in)
			from (select KEY, true as activity, a.voters_received as voters, false as signed_in from duty_activity a
			      union all
			      select KEY, false, 0, d.attendance = 'SIGNED_IN' from duty_activity a join duty_activity_deputy d on d.activity_id = a.id) t
			group by 1, 2, 3, 4""".replace("KEY", KEY);

	private static final String SUMMED = """
			select region_code, month, type, thematic, activities, voters, signed_in from duty_rollup
			where activities <> 0 or voters <> 0 or signed_in <> 0""";

	private static final String RECEPTIONS = """
			select a.station_id, d.deputy_id, cast(date_trunc('month', a.start_at at time zone 'Asia/Shanghai') as date), count(*)
			from duty_activity a join duty_activity_deputy d on d.activity_id = a.id
			where a.type = 'RECEPTION' and a.station_id is not null and d.attendance = 'SIGNED_IN' group by 1, 2, 3""";

	private static final String RECEPTIONS_SUMMED = "select station_id, deputy_id, month, signed_in from station_reception where signed_in <> 0";

	@Test
	void theSumsEqualTheActivitiesCountedOneByOneAfterEveryKindOfChange() {
		Api admin = Staff.admin(port);
		String town = "451028101";
		UUID a = id(admin.post("/api/v1/deputies", Map.of("name", unique("代表"), "gender", "MALE", "levels", List.of("TOWNSHIP"), "regionCode", town)));
		UUID b = id(admin.post("/api/v1/deputies", Map.of("name", unique("代表"), "gender", "FEMALE", "levels", List.of("CITY"), "regionCode", town)));
		UUID station = id(admin.post("/api/v1/stations", Map.of("name", unique("联络站"), "kind", "STANDARD", "regionCode", town,
				"address", "镇政府", "deputyIds", List.of(a, b))));
		Api staff = Staff.user(port, "451028", "ASSESSOR");
		UUID reception = id(staff.post("/api/v1/activities", DutyApiTests.activity("RECEPTION", "2025-03-31T23:30:00+08:00", town,
				List.of(a, b), "stationId", station, "votersReceived", 12, "attendance", Map.of(b.toString(), "EXCUSED"))));
		UUID visit = id(staff.post("/api/v1/activities", DutyApiTests.activity("VISIT", "2025-04-02T09:00:00+08:00", town,
				List.of(a, b), "theme", "乡村振兴", "votersReceived", 30)));
		UUID attendance = id(staff.post("/api/v1/activities", DutyApiTests.activity("COMMITTEE_ATTENDANCE", "2025-05-02T09:00:00+08:00",
				town, List.of(a, b))));
		assertThat(staff.post("/api/v1/activities/" + reception + "/attendance", Map.of("deputyId", b, "attendance", "SIGNED_IN"))
			.status()).isEqualTo(200);
		assertThat(differences()).isEmpty();
		assertThat(jdbc.sql("select cast(t as text) from (" + RECEPTIONS_SUMMED + " and station_id = ?) t").param(station)
			.query(String.class).list()).as("a and b signed in at the reception").hasSize(2);

		jdbc.sql("update duty_activity set type = 'RECEPTION', station_id = ?, start_at = start_at - interval '40 days' where id = ?")
			.params(station, visit).update();
		assertThat(differences()).isEmpty();
		jdbc.sql("update duty_activity_deputy set attendance = 'ABSENT' where activity_id = ? and deputy_id = ?").params(visit, a).update();
		assertThat(differences()).isEmpty();
		jdbc.sql("delete from duty_activity where id = ?").param(reception).update();
		assertThat(differences()).isEmpty();
		jdbc.sql("delete from duty_activity_deputy where activity_id = ?").param(attendance).update();
		jdbc.sql("delete from duty_activity where id = ?").param(attendance).update();
		assertThat(differences()).isEmpty();

		jdbc.sql("select duty_rollup_rebuild()").query(String.class).list();
		assertThat(differences()).isEmpty();
	}

	/** Rows in one and not the other, for both tables, each pair read in one statement (one snapshot). */
	private List<String> differences() {
		return jdbc.sql("select cast(t as text) from (" + difference(DIRECT, SUMMED) + " union all "
				+ difference(RECEPTIONS, RECEPTIONS_SUMMED) + ") t order by 1").query(String.class).list();
	}

	private static String difference(String one, String other) {
		return "select 'only counted' as side, cast(x as text) as row from ((" + one + ") except (" + other + ")) x"
				+ " union all select 'only summed', cast(y as text) from ((" + other + ") except (" + one + ")) y";
	}
}
