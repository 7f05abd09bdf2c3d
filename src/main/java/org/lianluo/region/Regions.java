package org.lianluo.region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the region tree. Regions change by migration only, so reads need no scope, and the tree (148 rows) is
 * read once, on first use, and kept in memory: every intake and most pages look regions up.
 */
@Service
public class Regions {

	private final JdbcClient jdbc;

	private volatile Snapshot snapshot;

	Regions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Region> all() {
		return snapshot().all();
	}

	public Optional<Region> find(String code) {
		return code == null ? Optional.empty() : Optional.ofNullable(snapshot().byCode().get(code));
	}

	public boolean exists(String code) {
		return find(code).isPresent();
	}

	/** The name of a region, with its county for a township ("田东县朔良镇"), or the code when unknown. */
	public String fullName(String code) {
		return find(code).map(r -> r.level() == Region.Level.TOWNSHIP
				? find(r.parentCode()).map(Region::name).orElse("") + r.name() : r.name()).orElse(code);
	}

	/** Every region's name, townships with their county in front ("田东县朔良镇"). */
	public Map<String, String> fullNames() {
		List<Region> regions = all();
		Map<String, String> names = new LinkedHashMap<>();
		regions.forEach(r -> names.put(r.code(), r.name()));
		Map<String, String> full = new LinkedHashMap<>();
		regions.forEach(r -> full.put(r.code(), r.level() == Region.Level.TOWNSHIP
				? names.getOrDefault(r.parentCode(), "") + r.name() : r.name()));
		return full;
	}

	/**
	 * The region of the installation: the one stored without a parent (the city, 451000 for 百色市). Whoever's scope
	 * holds it holds the whole installation.
	 */
	public String root() {
		return all().stream().filter(r -> r.parentCode() == null).map(Region::code).sorted().findFirst()
			.orElseThrow(() -> new IllegalStateException("no root region"));
	}

	public List<Region> children(String code) {
		return all().stream().filter(r -> code.equals(r.parentCode())).toList();
	}

	public List<Region> counties() {
		return all().stream().filter(r -> r.level() == Region.Level.COUNTY).toList();
	}

	/** The tree below each root (a region whose parent is not stored). */
	public List<Node> tree() {
		List<Region> regions = all();
		Map<String, Node> nodes = new LinkedHashMap<>();
		regions.forEach(r -> nodes.put(r.code(), new Node(r.code(), r.name(), r.level(), new ArrayList<>())));
		List<Node> roots = new ArrayList<>();
		for (Region r : regions) {
			Node parent = r.parentCode() == null ? null : nodes.get(r.parentCode());
			(parent == null ? roots : parent.children()).add(nodes.get(r.code()));
		}
		roots.sort(Comparator.comparing(Node::code));
		return roots;
	}

	public record Node(String code, String name, Region.Level level, List<Node> children) {
	}

	private Snapshot snapshot() {
		Snapshot s = snapshot;
		if (s == null) {
			List<Region> all = jdbc.sql("select code, name, level, parent_code, provisional from region order by code")
				.query((rs, n) -> new Region(rs.getString(1), rs.getString(2), Region.Level.valueOf(rs.getString(3)),
						rs.getString(4), rs.getBoolean(5)))
				.list();
			Map<String, Region> byCode = new LinkedHashMap<>();
			all.forEach(r -> byCode.put(r.code(), r));
			s = new Snapshot(List.copyOf(all), Map.copyOf(byCode));
			snapshot = s;
		}
		return s;
	}

	private record Snapshot(List<Region> all, Map<String, Region> byCode) {
	}
}
