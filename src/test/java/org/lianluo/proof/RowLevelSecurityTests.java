package org.lianluo.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.platform.DatabaseScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Region scope is a rule of PostgreSQL, not of each query (issue 18, point 1): the application signs in as a role
 * that owns nothing and is no superuser, and a query that names no region at all still sees the caller's only.
 */
@LianluoTest
class RowLevelSecurityTests {

	static final String TIANDONG = "451022";

	static final String JINGXI = "451081";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@FlywayDataSource
	DataSource ownerSource;

	@Test
	void theApplicationsRoleIsNeitherSuperuserNorOwnerAndCannotSwitchTheRulesOff() {
		Map<String, Object> role = jdbc.sql("select rolsuper, rolbypassrls from pg_roles where rolname = current_user").query().singleRow();
		assertThat(role).containsEntry("rolsuper", false).containsEntry("rolbypassrls", false);
		assertThat(jdbc.sql("select count(*) from pg_tables where schemaname = current_schema() and tableowner = current_user")
			.query(Long.class)
			.single()).isZero();
		assertThatThrownBy(() -> jdbc.sql("alter table opinion disable row level security").update()).rootCause().hasMessageContaining("owner");
	}

	@Test
	void anUnscopedSelectInATiandongUsersRequestSeesTiandongsOpinionsOnly() {
		String word = Staff.unique("行级");
		submit(TIANDONG, word);
		submit(JINGXI, word);
		JdbcClient owner = JdbcClient.create(ownerSource);
		long tiandongRows = owner.sql("select count(*) from opinion where region_code like '451022%'").query(Long.class).single();
		long allRows = owner.sql("select count(*) from opinion").query(Long.class).single();
		assertThat(allRows).isGreaterThan(tiandongRows);

		List<String> seen = inRequestOf(TIANDONG, () -> jdbc.sql("select * from opinion").query((rs, n) -> rs.getString("region_code")).list());

		assertThat(seen).hasSize((int) tiandongRows).allMatch(code -> code.startsWith(TIANDONG));
		// The parts of a record follow it: the events of 靖西's opinions are not there either.
		long foreignEvents = inRequestOf(TIANDONG, () -> jdbc.sql("select count(*) from opinion_event e join opinion o on o.id = e.opinion_id "
				+ "where o.region_code not like '451022%'").query(Long.class).single());
		assertThat(foreignEvents).isZero();
		long tiandongEvents = inRequestOf(TIANDONG, () -> jdbc.sql("select count(*) from opinion_event").query(Long.class).single());
		assertThat(tiandongEvents).isEqualTo(owner.sql("select count(*) from opinion_event e join opinion o on o.id = e.opinion_id "
				+ "where o.region_code like '451022%'").query(Long.class).single());
	}

	@Test
	void aTiandongUserCannotWriteARowIntoJingxi() {
		String word = Staff.unique("越界");
		String code = submit(JINGXI, word);
		int changed = inRequestOf(TIANDONG,
				() -> jdbc.sql("update opinion set content = 'x' || content where tracking_code = ?").param(code).update());
		assertThat(changed).isZero();
		assertThatThrownBy(() -> inRequestOf(TIANDONG, () -> jdbc.sql("update opinion set region_code = ? where region_code like ?")
			.params(JINGXI, TIANDONG + "%")
			.update())).rootCause().hasMessageContaining("row-level security");
		assertThat(JdbcClient.create(ownerSource).sql("select content from opinion where tracking_code = ?").param(code)
			.query(String.class).single()).doesNotStartWith("x");
	}

	@Test
	void aConnectionTakenOutsideAnyScopeSeesNothingAndTheSystemScopeSeesAll() throws Exception {
		submit(JINGXI, Staff.unique("无范围"));
		// A thread of its own: no caller, no request, no named system scope (the test's own scope stays on this thread).
		long unscoped = CompletableFuture.supplyAsync(() -> jdbc.sql("select count(*) from opinion").query(Long.class).single()).get();
		long system = CompletableFuture.supplyAsync(() -> DatabaseScope.asSystem("rls-test",
				() -> jdbc.sql("select count(*) from opinion").query(Long.class).single())).get();
		assertThat(unscoped).isZero();
		assertThat(system).isEqualTo(JdbcClient.create(ownerSource).sql("select count(*) from opinion").query(Long.class).single());
	}

	@Test
	void everyTableThatHoldsARegionsRecordsHasItsPolicy() {
		// Reference data every region reads alike (the region tree, the congresses, a station's extra regions), and the
		// search index, which holds no personal data and whose text indexes a policy would disable (V27_0).
		List<String> shared = List.of("region", "congress", "station_co_region", "search_document");
		List<String> unprotected = JdbcClient.create(ownerSource)
			.sql("select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
					+ "where n.nspname = current_schema() and c.relkind = 'r' and not c.relrowsecurity "
					+ "and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'region_code' and not a.attisdropped)")
			.query(String.class)
			.list();
		assertThat(unprotected).containsExactlyInAnyOrderElementsOf(shared.stream().filter(unprotected::contains).toList());
		assertThat(unprotected).doesNotContain("opinion", "proposal", "duty_activity", "deputy", "station", "app_user");
	}

	private String submit(String county, String word) {
		Api api = new Api(port);
		String township = JdbcClient.create(ownerSource).sql("select code from region where parent_code = ? order by code limit 1")
			.param(county)
			.query(String.class)
			.single();
		Api.Response created = api.post("/api/v1/public/opinions", Map.of("content", word + "：村里的路灯坏了很久", "regionCode", township));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("trackingCode").asText();
	}

	/**
	 * What runs in a request of a signed-in 田东 (or other) assessor: the caller is on the thread, as the filters put
	 * it. On a thread of its own, outside the test's own system scope.
	 */
	private <T> T inRequestOf(String region, java.util.function.Supplier<T> work) {
		Actor user = new Actor(UUID.randomUUID(), "rls-" + region, "行级测试", EnumSet.of(Role.ASSESSOR), region, null, null);
		try {
			return CompletableFuture.supplyAsync(() -> {
				RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest("GET", "/api/v1/opinions")));
				SecurityContextHolder.getContext()
					.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
				try {
					return work.get();
				}
				finally {
					SecurityContextHolder.clearContext();
					RequestContextHolder.resetRequestAttributes();
				}
			}).join();
		}
		catch (CompletionException ex) {
			throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
		}
	}
}
