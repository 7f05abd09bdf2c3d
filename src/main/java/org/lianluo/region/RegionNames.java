package org.lianluo.region;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Region names for screens, read once: regions change by migration only. A township is named with its
 * county ("田东县朔良镇").
 */
@Component
public class RegionNames {

	private final Regions regions;

	private volatile Map<String, String> names;

	RegionNames(Regions regions) {
		this.regions = regions;
	}

	public Map<String, String> all() {
		Map<String, String> loaded = names;
		if (loaded == null) {
			List<Region> all = regions.all();
			Map<String, String> plain = new LinkedHashMap<>();
			all.forEach(r -> plain.put(r.code(), r.name()));
			loaded = new LinkedHashMap<>();
			for (Region r : all) {
				boolean withCounty = r.level() == Region.Level.TOWNSHIP && plain.containsKey(r.parentCode());
				loaded.put(r.code(), withCounty ? plain.get(r.parentCode()) + r.name() : r.name());
			}
			names = Map.copyOf(loaded);
		}
		return names;
	}

	public String of(String code) {
		return code == null ? "" : all().getOrDefault(code, code);
	}
}
