package org.lianluo.station;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.lianluo.deputy.DeputySummary;

/**
 * A liaison station with its roster (the deputies who receive voters there), its members who are not deputies, and its
 * upgrade (提档升级: the day and the checklist it was done against), if it has had one.
 */
public record Station(UUID id, String name, Kind kind, Set<Partner> partners, Set<Function> functions,
		String regionCode, List<String> coRegionCodes, String address, BigDecimal latitude, BigDecimal longitude,
		String phone, String openingHours, String receptionSchedule, Status status, List<DeputySummary> deputies,
		LocalDate upgradedOn, List<String> checklist, List<StationMember> members) {

	public Station {
		checklist = checklist == null ? List.of() : List.copyOf(checklist);
		members = members == null ? List.of() : List.copyOf(members);
	}

	public StationSummary summary() {
		return new StationSummary(id, name, regionCode);
	}

	public boolean special() {
		return kind != Kind.STANDARD;
	}

	/** 特色联络站 are the kinds other than STANDARD. */
	public enum Kind {
		STANDARD, CROSS_REGION, INDUSTRY_CHAIN, PARK
	}

	/** Services stationed in: 联络站+法律诉讼服务, 联络站+产业服务. */
	public enum Partner {
		LEGAL_SERVICE, INDUSTRY_SERVICE
	}

	/** The five functions of a station: 宣传站、民意窗、连心桥、监督岗、大课堂. */
	public enum Function {
		PUBLICITY, OPINION_WINDOW, BRIDGE, SUPERVISION, CLASSROOM
	}

	public enum Status {
		ACTIVE, SUSPENDED, CLOSED
	}
}
