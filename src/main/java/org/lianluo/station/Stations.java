package org.lianluo.station;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.lianluo.identity.Scope;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Page;
import org.lianluo.region.RegionCode;
import org.lianluo.station.Station.Status;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stations: other modules read them by id whatever the caller's scope; staff see a station when its
 * region or one of its co-building regions lies in their scope, and change it when its region does. The
 * public list shows active stations to everyone.
 */
@Service
public class Stations {

	private final StationStore store;

	private final StationRules rules;

	Stations(StationStore store, StationRules rules) {
		this.store = store;
		this.rules = rules;
	}

	/** Any station by id, whatever the caller's scope. */
	public Optional<StationSummary> find(UUID id) {
		return id == null ? Optional.empty() : store.find(id);
	}

	/** A station the caller may see, else not found. */
	public Station get(UUID id) {
		Station station = store.load(List.of(id)).stream().findFirst().orElseThrow(LianluoException::notFound);
		Scope scope = Scope.current();
		boolean visible = scope.covers(station.regionCode()) || station.coRegionCodes().stream().anyMatch(scope::covers);
		if (!visible || (scope.deputyId() != null && station.deputies().stream().noneMatch(d -> d.id().equals(scope.deputyId())))) {
			throw LianluoException.notFound();
		}
		return station;
	}

	public Page<Station> list(StationFilter filter, int page, int size) {
		return store.list(filter, Scope.current(), page, size);
	}

	public List<Station> all(StationFilter filter, int limit) {
		return store.all(filter, Scope.current(), limit);
	}

	/**
	 * The rosters of the active stations in a region's subtree, whatever the caller's scope: station id to
	 * deputy ids. The duty module counts who of them held receptions.
	 */
	public Map<UUID, List<UUID>> rosters(String regionCode) {
		return store.rosters(regionCode);
	}

	/** One active station, for citizens. */
	public Optional<Station> findPublished(UUID id) {
		return store.load(List.of(id)).stream().filter(s -> s.status() == Station.Status.ACTIVE).findFirst();
	}

	/** Active stations per county (the first six digits of the region code), for the portal's map. */
	public Map<String, Long> publishedPerCounty() {
		return store.publishedPerCounty();
	}

	/** Active stations for citizens: by region (its subtree, co-building regions included) and words of name or address. */
	public Page<Station> published(String region, String q, int page, int size) {
		if (region != null && !region.isBlank() && !RegionCode.isValid(region.trim())) {
			throw LianluoException.invalidField("region", "problem.field.region");
		}
		String pattern = region == null || region.isBlank() ? "%" : new RegionCode(region.trim()).subtreePrefix() + "%";
		return store.published(pattern, q, page, size);
	}

	@Transactional
	public Station create(StationForm form) {
		UUID id = store.insert(rules.validate(form));
		return store.load(List.of(id)).get(0);
	}

	/** Inserts stations already validated by {@link StationRules}: the import's path. */
	@Transactional
	public void insertAll(List<StationRules.Valid> valid) {
		store.insertAll(valid);
	}

	/** How many stations are registered, whatever the caller's scope. */
	public long total() {
		return store.total();
	}

	/** Whether the deputy is on the station's roster (进站代表). */
	public boolean onRoster(UUID stationId, UUID deputyId) {
		return store.onRoster(stationId, deputyId);
	}

	/** The registered "name|region" identities among stations of these names, to find duplicates at once. */
	public Set<String> identities(Collection<String> names) {
		return store.identities(names);
	}

	public boolean exists(String name, String regionCode) {
		return store.exists(name, regionCode);
	}

	@Transactional
	public Station update(UUID id, StationForm form) {
		Station before = get(id);
		Scope.current().check(before.regionCode());
		store.update(id, rules.validate(form));
		return store.load(List.of(id)).get(0);
	}
}
