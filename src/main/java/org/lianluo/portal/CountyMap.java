package org.lianluo.portal;

import java.util.List;
import java.util.Map;

import org.lianluo.region.Region;

/**
 * The 12 counties of 百色 as a tile map drawn by the application (no tile server): each county a square
 * placed roughly where it lies — 隆林, 田林, 乐业, 凌云 in the north, 西林 to the west, 右江 and 田阳
 * in the middle, 田东 and 平果 to the east, 那坡, 靖西 and 德保 in the south.
 */
public final class CountyMap {

	public static final int TILE = 96;

	private static final Map<String, int[]> POSITIONS = Map.ofEntries(Map.entry("451031", new int[] { 0, 0 }),
			Map.entry("451029", new int[] { 1, 0 }), Map.entry("451028", new int[] { 2, 0 }),
			Map.entry("451027", new int[] { 3, 0 }), Map.entry("451030", new int[] { 0, 1 }),
			Map.entry("451002", new int[] { 2, 1 }), Map.entry("451003", new int[] { 3, 1 }),
			Map.entry("451022", new int[] { 4, 1 }), Map.entry("451082", new int[] { 5, 1 }),
			Map.entry("451026", new int[] { 1, 2 }), Map.entry("451081", new int[] { 2, 2 }),
			Map.entry("451024", new int[] { 3, 2 }));

	private CountyMap() {
	}

	public static List<Tile> tiles(List<Region> counties, Map<String, Long> values) {
		return counties.stream()
			.filter(c -> POSITIONS.containsKey(c.code()))
			.map(c -> {
				int[] p = POSITIONS.get(c.code());
				return new Tile(c.code(), c.name(), p[0] * TILE, p[1] * TILE, values.getOrDefault(c.code(), 0L));
			})
			.toList();
	}

	public static int width() {
		return 6 * TILE;
	}

	public static int height() {
		return 3 * TILE;
	}

	/** One county: where its square goes and the figure it shows. */
	public record Tile(String code, String name, int x, int y, long value) {

		public int textX() {
			return x + TILE / 2;
		}

		public int nameY() {
			return y + TILE / 2 - 4;
		}

		public int valueY() {
			return y + TILE / 2 + 18;
		}

		public int size() {
			return TILE - 6;
		}
	}
}
