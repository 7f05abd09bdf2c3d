package org.lianluo.identity;

import java.util.UUID;

import org.lianluo.platform.LianluoException;
import org.lianluo.region.RegionCode;

/**
 * What a caller may see: a region and everything below it, and, for a unit handler or a deputy, only
 * their unit's or their own records. Every query of staff data takes a Scope: lists filter with
 * {@link #regionPattern()} ({@code region_code like ?}), single reads call {@link #check(String)},
 * which answers "not found" for a record outside, so that nobody learns it exists.
 */
public record Scope(String regionCode, UUID unitId, UUID deputyId) {

	public Scope {
		new RegionCode(regionCode);
	}

	public static Scope current() {
		return Actor.current().scope();
	}

	public boolean covers(String recordRegion) {
		return new RegionCode(regionCode).contains(recordRegion);
	}

	/** The LIKE pattern that matches the codes of this region's subtree. */
	public String regionPattern() {
		return new RegionCode(regionCode).subtreePrefix() + "%";
	}

	public void check(String recordRegion) {
		if (!covers(recordRegion)) {
			throw LianluoException.notFound();
		}
	}

	/** A region filter asked for by the caller, narrowed to this scope; outside it nothing matches. */
	public String narrow(String requestedRegion) {
		if (requestedRegion == null || requestedRegion.isBlank()) {
			return regionPattern();
		}
		if (!RegionCode.isValid(requestedRegion)) {
			throw LianluoException.invalidField("region", "problem.field.region");
		}
		if (!covers(requestedRegion) && !new RegionCode(requestedRegion).contains(regionCode)) {
			return "-";
		}
		return covers(requestedRegion) ? new RegionCode(requestedRegion).subtreePrefix() + "%" : regionPattern();
	}
}
