package org.lianluo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianluo.LianluoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo set's registries, loaded inside a transaction that is rolled back so that other tests never see them. The
 * year 2025 on top of them is {@link DemoYearTests}'s, on a database of its own.
 */
@LianluoTest
class DemoDataTests {

	@Autowired
	DemoData demo;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void loadsTheBaiseSetDeterministicallyWithARealisticComposition() {
		Map<String, Object> first = loadAndDescribe();
		Map<String, Object> second = loadAndDescribe();
		assertThat(second).isEqualTo(first);

		assertThat(first.get("stations")).as("百色's 823, the special ones among them").isEqualTo(823L);
		assertThat(first.get("special")).isEqualTo(10L);
		assertThat(first.get("townshipsWithStations")).isEqualTo(135L);
		assertThat((Long) first.get("deputies")).isBetween(4_000L, 6_000L);
		long deputies = (Long) first.get("deputies");
		assertThat((Long) first.get("zhuang")).isGreaterThan(deputies * 6 / 10);
		assertThat((Long) first.get("han")).isGreaterThan((Long) first.get("yao"));
		assertThat((Long) first.get("yao")).isGreaterThan((Long) first.get("miao"));
		assertThat(first.get("units")).isEqualTo(40L);
		assertThat(first.get("tiandongHousing")).isEqualTo(1L);
		assertThat(first.get("citySessions")).as("up to the 七次会议 of January 2026").isEqualTo(7L);
		assertThat(first.get("legalTiandong")).isEqualTo(1L);
		assertThat(first.get("pingguoCoBuilt")).isEqualTo(1L);
		assertThat((String) first.get("sampleStation")).matches(".+[县市区].+(镇|乡|街道).*人大代表联络站");
		assertThat(first.get("plainPhones")).isEqualTo(0L);
	}

	private Map<String, Object> loadAndDescribe() {
		return transactions.execute(status -> {
			status.setRollbackOnly();
			long stationsBefore = count("select count(*) from station");
			long deputiesBefore = count("select count(*) from deputy");
			long unitsBefore = count("select count(*) from handling_unit");
			long zhuangBefore = count("select count(*) from deputy where ethnicity = 'ZHUANG'");
			long hanBefore = count("select count(*) from deputy where ethnicity = 'HAN'");
			long yaoBefore = count("select count(*) from deputy where ethnicity = 'YAO'");
			long miaoBefore = count("select count(*) from deputy where ethnicity = 'MIAO'");
			long specialBefore = count("select count(*) from station where kind <> 'STANDARD'");
			DemoDataRunner.runAsCity(demo::loadRegistries);
			assertThat(demo.present()).isTrue();
			Map<String, Object> d = new java.util.LinkedHashMap<>();
			d.put("stations", count("select count(*) from station") - stationsBefore);
			d.put("special", count("select count(*) from station where kind <> 'STANDARD'") - specialBefore);
			d.put("townshipsWithStations", count("select count(distinct region_code) from station where length(region_code) = 9"));
			d.put("deputies", count("select count(*) from deputy") - deputiesBefore);
			d.put("zhuang", count("select count(*) from deputy where ethnicity = 'ZHUANG'") - zhuangBefore);
			d.put("han", count("select count(*) from deputy where ethnicity = 'HAN'") - hanBefore);
			d.put("yao", count("select count(*) from deputy where ethnicity = 'YAO'") - yaoBefore);
			d.put("miao", count("select count(*) from deputy where ethnicity = 'MIAO'") - miaoBefore);
			d.put("units", count("select count(*) from handling_unit") - unitsBefore);
			d.put("tiandongHousing", count("select count(*) from handling_unit where name = '田东县住建局' and region_code = '451022'"));
			d.put("citySessions", count("""
					select count(*) from congress_session s join congress_term t on t.id = s.term_id join congress c on c.id = t.congress_id
					where c.level = 'CITY' and c.region_code = '451000' and t.number = 5"""));
			d.put("legalTiandong", count("select count(*) from station where region_code = '451022' and kind <> 'STANDARD' and partners like '%LEGAL_SERVICE%' and name like '%法律诉讼服务%'"));
			d.put("pingguoCoBuilt", count("""
					select count(*) from station s join station_co_region c on c.station_id = s.id
					where s.kind = 'CROSS_REGION' and s.name like '平果市—%' and s.region_code = '451082' and c.region_code = '451022'"""));
			d.put("sampleStation", jdbc.sql("select name from station where region_code = '451022103' order by name limit 1").query(String.class).single());
			d.put("plainPhones", count("select count(*) from deputy where phone_cipher ~ '1[3-9][0-9]{9}'"));
			d.put("rosters", count("select count(*) from station_deputy"));
			d.put("names", jdbc.sql("select name from deputy where region_code = '451022103' order by name limit 20").query(String.class).list());
			return d;
		});
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
