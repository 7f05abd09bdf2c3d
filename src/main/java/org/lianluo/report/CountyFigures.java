package org.lianluo.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The 12 counties with the opinion loop's figures and the KPI the map is coloured by, each with its fill computed
 * here: five classes of one hue (darker = more; green for rates, blue for received, red for overdue), rates in fixed
 * classes so that two maps compare, counts in five equal steps from 0 to the largest; grey without a value.
 */
public record CountyFigures(Dashboards.Filter filter, MapKpi kpi, List<County> counties, List<LegendEntry> legend) {

	public static final String NO_DATA = "#d8dee4";

	public static final String OUTSIDE = "#f6f8fa";

	static final double[] RATE_BOUNDS = { 0.6, 0.7, 0.8, 0.9 };

	private static final String[] GREENS = { "#edf8e9", "#bae4b3", "#74c476", "#31a354", "#006d2c" };

	private static final String[] BLUES = { "#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c" };

	private static final String[] REDS = { "#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15" };

	/**
	 * One county. Figures are null outside the filter's region; {@code value} is the chosen KPI (null: nothing to
	 * divide), {@code step} its class 0..4 (-1: no value), {@code fill} and {@code ink} the colours of its tile.
	 */
	public record County(String code, String name, boolean inFilter, Long received, Long assigned, Long settled,
			Long onTime, Long rated, Long satisfied, Long overdue, Double closureRate, Double onTimeRate,
			Double satisfactionRate, Number value, int step, String fill, String ink) {

		County(String code, String name, boolean inFilter, Long received, Long assigned, Long settled, Long onTime,
				Long rated, Long satisfied, Long overdue, Double closureRate, Double onTimeRate, Double satisfactionRate,
				Number value) {
			this(code, name, inFilter, received, assigned, settled, onTime, rated, satisfied, overdue, closureRate,
					onTimeRate, satisfactionRate, value, -1, inFilter ? NO_DATA : OUTSIDE, "#1f2328");
		}

		County step(int step, String fill) {
			return new County(code, name, inFilter, received, assigned, settled, onTime, rated, satisfied, overdue,
					closureRate, onTimeRate, satisfactionRate, value, step, fill, step >= 3 ? "#ffffff" : "#1f2328");
		}
	}

	/** A class of the legend: its lower and upper bound (a fraction for rates, included for counts) and its fill. */
	public record LegendEntry(int step, Number from, Number to, String fill) {
	}

	static CountyFigures coloured(Dashboards.Filter filter, MapKpi kpi, List<County> counties) {
		String[] palette = switch (kpi) {
			case RECEIVED -> BLUES;
			case OVERDUE -> REDS;
			default -> GREENS;
		};
		List<LegendEntry> legend = new ArrayList<>();
		List<County> coloured = new ArrayList<>();
		if (kpi.rate()) {
			for (int i = 0; i < 5; i++) {
				legend.add(new LegendEntry(i, i == 0 ? 0.0 : RATE_BOUNDS[i - 1], i == 4 ? 1.0 : RATE_BOUNDS[i], palette[i]));
			}
			for (County c : counties) {
				if (c.value() == null) {
					coloured.add(c);
					continue;
				}
				int step = 0;
				while (step < 4 && c.value().doubleValue() >= RATE_BOUNDS[step]) {
					step++;
				}
				coloured.add(c.step(step, palette[step]));
			}
		}
		else {
			long max = counties.stream().filter(c -> c.value() != null).mapToLong(c -> c.value().longValue()).max().orElse(0);
			long size = Math.max(1, (max + 4) / 5);
			int steps = (int) Math.min(5, max / size + 1);
			for (int i = 0; i < steps; i++) {
				legend.add(new LegendEntry(i, i * size, i == steps - 1 ? Math.max(max, i * size) : (i + 1) * size - 1,
						palette[i]));
			}
			for (County c : counties) {
				if (c.value() == null) {
					coloured.add(c);
					continue;
				}
				int step = (int) Math.min(steps - 1, c.value().longValue() / size);
				coloured.add(c.step(step, palette[step]));
			}
		}
		return new CountyFigures(filter, kpi, coloured, legend);
	}
}
