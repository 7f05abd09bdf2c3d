package org.lianluo.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.lianluo.identity.Actor;
import org.lianluo.identity.AuditLog;
import org.lianluo.identity.CityWide;
import org.lianluo.platform.LianluoException;
import org.lianluo.region.Region;
import org.lianluo.region.Regions;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The outlines of a city's counties the dashboards' maps are drawn on (issue 22): a GeoJSON FeatureCollection with
 * one (Multi)Polygon per county, its {@code properties.code} the county's region code. 百色's ship with Lianluo
 * ({@code data/maps/451000-counties.geojson}); a city administrator uploads any other city's, which is checked
 * before it replaces anything: every county of the city present once, no feature outside it, coordinates in
 * longitude and latitude within China.
 */
@Service
public class CountyOutlines {

	/** The largest file taken: 百色's twelve counties are about 1 MB. */
	public static final int MAX_BYTES = 8 * 1024 * 1024;

	private final JdbcClient jdbc;

	private final Regions regions;

	private final CityWide cityWide;

	private final AuditLog audit;

	private final JsonMapper json;

	private final Clock clock;

	CountyOutlines(JdbcClient jdbc, Regions regions, CityWide cityWide, AuditLog audit, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.cityWide = cityWide;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/** Where a city's outlines come from, and when an upload replaced the shipped ones. */
	public record Source(String cityCode, boolean uploaded, int counties, String uploadedBy, Instant uploadedAt) {
	}

	/** The installation's city, whose counties the maps show. */
	public String city() {
		return regions.root();
	}

	/** The city's GeoJSON: the uploaded file, else the one shipped; empty when there is neither. */
	@Transactional(readOnly = true)
	public Optional<String> geojson(String cityCode) {
		Optional<String> uploaded = jdbc.sql("select geojson from report_county_outline where city_code = ?").param(cityCode)
			.query(String.class).optional();
		return uploaded.isPresent() ? uploaded : shipped(cityCode);
	}

	@Transactional(readOnly = true)
	public Optional<Source> source(String cityCode) {
		Optional<Source> uploaded = jdbc.sql("""
				select city_code, counties, uploaded_by, uploaded_at from report_county_outline where city_code = ?""")
			.param(cityCode)
			.query((rs, n) -> new Source(rs.getString(1), true, rs.getInt(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class).toInstant()))
			.optional();
		return uploaded.isPresent() ? uploaded
				: shipped(cityCode).map(g -> new Source(cityCode, false, counties(cityCode).size(), null, null));
	}

	/** Checks a city's outlines and, when every rule holds, puts them in place of the shipped or uploaded ones. */
	@Transactional
	public Source upload(String cityCode, byte[] file, Actor actor) {
		if (!cityWide.isAdmin(actor)) {
			throw LianluoException.forbidden();
		}
		Region city = regions.find(cityCode).filter(r -> r.level() == Region.Level.CITY)
			.orElseThrow(() -> LianluoException.invalidField("city", "report.map.city.unknown", cityCode));
		if (file == null || file.length == 0) {
			throw LianluoException.invalidField("file", "report.map.file.required");
		}
		if (file.length > MAX_BYTES) {
			throw LianluoException.invalidField("file", "report.map.file.too-large", MAX_BYTES / 1024 / 1024);
		}
		int counties = check(city, file);
		jdbc.sql("""
				insert into report_county_outline (city_code, geojson, counties, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?)
				on conflict (city_code) do update set geojson = excluded.geojson, counties = excluded.counties,
				uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at""")
			.params(cityCode, new String(file, StandardCharsets.UTF_8), counties, actor.username(),
					OffsetDateTime.now(clock))
			.update();
		audit.record(actor.username(), AuditLog.Action.MAP_UPLOADED, "map:" + cityCode,
				city.name() + "：" + counties + " 个区县");
		return source(cityCode).orElseThrow();
	}

	/** The number of counties; else the first rule the file breaks, as a Chinese message on the field "file". */
	private int check(Region city, byte[] file) {
		JsonNode root;
		try {
			root = json.readTree(file);
		}
		catch (JacksonException ex) {
			throw LianluoException.invalidField("file", "report.map.not-json");
		}
		JsonNode features = root.path("features");
		if (!"FeatureCollection".equals(root.path("type").asString("")) || !features.isArray() || features.isEmpty()) {
			throw LianluoException.invalidField("file", "report.map.not-collection");
		}
		Set<String> expected = counties(city.code());
		Set<String> seen = new LinkedHashSet<>();
		int index = 0;
		for (JsonNode feature : features) {
			index++;
			String code = feature.path("properties").path("code").asString(feature.path("id").asString(""));
			if (!expected.contains(code)) {
				throw LianluoException.invalidField("file", "report.map.feature.not-county", index, code, city.name());
			}
			if (!seen.add(code)) {
				throw LianluoException.invalidField("file", "report.map.feature.twice", index, code);
			}
			String type = feature.path("geometry").path("type").asString("");
			JsonNode coordinates = feature.path("geometry").path("coordinates");
			if (!(type.equals("Polygon") || type.equals("MultiPolygon")) || !positionsInChina(coordinates, 0)) {
				throw LianluoException.invalidField("file", "report.map.feature.geometry", index, code);
			}
			// the maps find a county by its code, whatever the file called it
			((ObjectNode) feature.path("properties")).put("code", code);
		}
		Set<String> missing = new TreeSet<>(expected);
		missing.removeAll(seen);
		if (!missing.isEmpty()) {
			throw LianluoException.invalidField("file", "report.map.counties.missing",
					String.join("、", missing.stream().map(c -> regions.find(c).map(Region::name).orElse(c)).toList()));
		}
		return seen.size();
	}

	/** Nested arrays ending in [longitude, latitude] pairs, all within China's bounds. */
	private static boolean positionsInChina(JsonNode node, int depth) {
		if (!node.isArray() || node.isEmpty() || depth > 4) {
			return false;
		}
		if (node.get(0).isNumber()) {
			double lon = node.get(0).asDouble();
			double lat = node.size() > 1 && node.get(1).isNumber() ? node.get(1).asDouble() : Double.NaN;
			return lon >= 73 && lon <= 136 && lat >= 3 && lat <= 54;
		}
		for (JsonNode child : node) {
			if (!positionsInChina(child, depth + 1)) {
				return false;
			}
		}
		return true;
	}

	private Set<String> counties(String cityCode) {
		Set<String> codes = new TreeSet<>();
		regions.children(cityCode).stream().filter(r -> r.level() == Region.Level.COUNTY).map(Region::code)
			.forEach(codes::add);
		return codes;
	}

	private static Optional<String> shipped(String cityCode) {
		ClassPathResource resource = new ClassPathResource("data/maps/" + cityCode + "-counties.geojson");
		if (!cityCode.matches("\\d{6}") || !resource.exists()) {
			return Optional.empty();
		}
		try (InputStream in = resource.getInputStream()) {
			return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("data/maps/" + cityCode + "-counties.geojson", ex);
		}
	}
}
