package org.lianluo.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lianluo.consultation.ConsultationFigures;
import org.lianluo.duty.DutyFigures;
import org.lianluo.opinion.OpinionFigures;
import org.lianluo.platform.FigureRow;
import org.lianluo.platform.Page;
import org.lianluo.proposal.ProposalFigures;
import org.lianluo.region.RegionPeriod;
import org.lianluo.station.StationFigures;
import org.springframework.stereotype.Component;

/**
 * The report's figures as the modules that own the records publish them: each module counts its own per region and
 * lists the records behind them; this class only puts them together under the report's {@link Figure}s.
 */
@Component
class ModuleFigures {

	private final DutyFigures duty;

	private final OpinionFigures opinions;

	private final ConsultationFigures consultations;

	private final ProposalFigures proposals;

	private final StationFigures stations;

	ModuleFigures(DutyFigures duty, OpinionFigures opinions, ConsultationFigures consultations,
			ProposalFigures proposals, StationFigures stations) {
		this.duty = duty;
		this.opinions = opinions;
		this.consultations = consultations;
		this.proposals = proposals;
		this.stations = stations;
	}

	OpinionFigures opinions() {
		return opinions;
	}

	ProposalFigures proposals() {
		return proposals;
	}

	DutyFigures duty() {
		return duty;
	}

	/** Every figure per region directly below the period's, the opinions' from their period's {@code opinionPass}. */
	Map<Figure, Map<String, Long>> byPart(RegionPeriod p, OpinionFigures.Annual opinionPass) {
		Map<Figure, Map<String, Long>> counts = new EnumMap<>(Figure.class);
		put(counts, duty.byPart(p));
		put(counts, opinionPass.byPart());
		put(counts, consultations.byPart(p, stations.regions(p)));
		put(counts, proposals.byPart(p));
		put(counts, stations.byPart(p));
		for (Figure sum : Figure.values()) {
			if (!sum.parts().isEmpty()) {
				Map<String, Long> byPart = new HashMap<>();
				sum.parts().forEach(part -> counts.getOrDefault(part, Map.of()).forEach((region, n) -> byPart.merge(region, n, Long::sum)));
				counts.put(sum, byPart);
			}
		}
		return counts;
	}

	/**
	 * The records behind a figure, a page at a time; those of a sum of figures one part after the other, each with the
	 * whole message key of its kind.
	 */
	Page<FigureRow> records(Figure figure, RegionPeriod p, int page, int size) {
		if (figure.parts().isEmpty()) {
			return owned(figure, p, page, size);
		}
		List<FigureRow> rows = new ArrayList<>();
		long offset = (long) page * size;
		long total = 0;
		for (Figure part : figure.parts()) {
			long partTotal = owned(part, p, 0, 1).total();
			long from = offset + rows.size() - total;
			if (from >= 0 && from < partTotal && rows.size() < size) {
				// the part's rows from `from` on, out of the one or two of its pages of `size` that hold them
				int first = (int) (from / size);
				List<FigureRow> window = new ArrayList<>(owned(part, p, first, size).items());
				if (from % size != 0) {
					window.addAll(owned(part, p, first + 1, size).items());
				}
				window.stream().skip(from - (long) first * size).limit(size - rows.size()).forEach(r -> rows.add(
						new FigureRow(r.id(), r.label(), r.date(), r.regionCode(), part.kindKey() + r.kind(), r.link())));
			}
			total += partTotal;
		}
		return new Page<>(rows, page, size, total);
	}

	private Page<FigureRow> owned(Figure figure, RegionPeriod p, int page, int size) {
		Enum<?> owned = figure.owned;
		if (owned instanceof DutyFigures.Figure f) {
			return duty.records(f, p, page, size);
		}
		if (owned instanceof OpinionFigures.Figure f) {
			return opinions.records(f, p, page, size);
		}
		if (owned instanceof ConsultationFigures.Figure f) {
			return consultations.records(f, p, stations.regions(p), page, size);
		}
		if (owned instanceof ProposalFigures.Figure f) {
			return proposals.records(f, p, page, size);
		}
		return stations.records((StationFigures.Figure) owned, p, page, size);
	}

	private static void put(Map<Figure, Map<String, Long>> counts, Map<? extends Enum<?>, Map<String, Long>> owned) {
		owned.forEach((f, byPart) -> counts.put(Figure.of(f), byPart));
	}
}
