package org.lianluo.report;

import java.util.EnumMap;
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
		return counts;
	}

	/** The records behind a figure, a page at a time. */
	Page<FigureRow> records(Figure figure, RegionPeriod p, int page, int size) {
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
