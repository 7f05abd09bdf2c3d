package org.lianluo.duty;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lianluo.platform.Moment;
import org.lianluo.opinion.OpinionIntake;
import org.lianluo.deputy.Deputies;
import org.lianluo.deputy.DeputySummary;
import org.lianluo.deputy.Level;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.identity.Scope;
import org.lianluo.opinion.Channel;
import org.lianluo.opinion.Opinion;
import org.lianluo.opinion.OpinionManagement;
import org.lianluo.opinion.OpinionQueries;
import org.lianluo.opinion.Submission;
import org.lianluo.platform.Attachments;
import org.lianluo.platform.Ids;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.LianluoException.FieldProblem;
import org.lianluo.platform.Page;
import org.lianluo.region.Regions;
import org.lianluo.station.StationMember;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Duty activities: ASSESSOR and station staff register any activity in their scope, a deputy only those
 * they take part in; staff list and read them within their scope, a deputy only their own.
 */
@Service
public class Activities {

	static final int MAX_OPINIONS = 20;

	static final List<Role> REGISTRARS = List.of(Role.ASSESSOR, Role.STATION_ADMIN, Role.DEPUTY);

	private final JdbcClient jdbc;

	private final Regions regions;

	private final Deputies deputies;

	private final Clock clock;

	private final OpinionManagement opinionLoop;

	private final OpinionIntake intake;

	private final ActivityPhotos photos;

	private final ActivityParts parts;

	private final ApplicationEventPublisher events;

	Activities(JdbcClient jdbc, Regions regions, Deputies deputies, ActivityParts parts, Clock clock,
			OpinionManagement opinionLoop, OpinionIntake intake, ActivityPhotos photos, ApplicationEventPublisher events) {
		this.events = events;
		this.parts = parts;
		this.opinionLoop = opinionLoop;
		this.intake = intake;
		this.photos = photos;
		this.jdbc = jdbc;
		this.regions = regions;
		this.deputies = deputies;
		this.clock = clock;
	}

	@Transactional
	public Activity register(NewActivity a) {
		Actor user = Actor.current();
		if (!user.hasAny(REGISTRARS)) {
			throw LianluoException.forbidden();
		}
		List<FieldProblem> problems = new ArrayList<>();
		ActivityType type = parse(ActivityType.class, a.type());
		if (type == null) {
			problems.add(new FieldProblem("type", "duty.activity.type.required"));
		}
		if (blank(a.title()) || a.title().strip().length() > 200) {
			problems.add(new FieldProblem("title", "duty.activity.title.required"));
		}
		if (a.startAt() == null) {
			problems.add(new FieldProblem("startAt", "duty.activity.start.required"));
		}
		else if (a.endAt() != null && a.endAt().isBefore(a.startAt())) {
			problems.add(new FieldProblem("endAt", "duty.activity.end.before-start"));
		}
		if (a.regionCode() == null || !regions.exists(a.regionCode())) {
			problems.add(new FieldProblem("regionCode", "problem.field.region"));
		}
		else if (!user.scope().covers(a.regionCode())) {
			problems.add(new FieldProblem("regionCode", "duty.region.outside-scope"));
		}
		List<UUID> at = parts.stations(a, problems);
		UUID station = at.isEmpty() ? null : at.get(0);
		List<StationMember> members = parts.members(a.memberIds(), problems);
		Set<UUID> ids = new LinkedHashSet<>(a.deputyIds() == null ? List.of() : a.deputyIds());
		ids.remove(null);
		List<DeputySummary> people = deputies.findAll(ids);
		if (ids.isEmpty()) {
			problems.add(new FieldProblem("deputyIds", "duty.activity.deputies.required"));
		}
		else if (people.size() != ids.size()) {
			problems.add(new FieldProblem("deputyIds", "duty.activity.deputies.unknown"));
		}
		else if (onlyDeputy(user) && !ids.contains(user.deputyId())) {
			problems.add(new FieldProblem("deputyIds", "duty.activity.deputies.self"));
		}
		Map<UUID, Attendance> attendance = attendance(a.attendance(), ids, problems);
		int voters = count(a.votersReceived(), "votersReceived", problems);
		int disputes = count(a.disputesResolved(), "disputesResolved", problems);
		int relocated = count(a.peopleRelocated(), "peopleRelocated", problems);
		int hazards = count(a.hazardsInspected(), "hazardsInspected", problems);
		if (length(a.theme()) > 100) {
			problems.add(new FieldProblem("theme", "duty.activity.theme.too-long"));
		}
		if (length(a.outcome()) > 2000) {
			problems.add(new FieldProblem("outcome", "duty.activity.outcome.too-long"));
		}
		if (length(a.organiser()) > 100) {
			problems.add(new FieldProblem("organiser", "duty.activity.organiser.too-long"));
		}
		List<String> said = ActivityParts.collected(a.opinions(), MAX_OPINIONS, problems);
		if (!problems.isEmpty()) {
			throw LianluoException.invalidFields(problems);
		}
		Set<Level> levels = EnumSet.noneOf(Level.class);
		people.forEach(p -> levels.addAll(p.levels()));
		boolean mixed = Boolean.TRUE.equals(a.mixedLevel()) || levels.size() > 1;
		UUID id = Ids.newId();
		jdbc.sql("""
				insert into duty_activity (id, type, title, theme, start_at, end_at, region_code, station_id, organiser,
				  voters_received, outcome, mixed_level, disputes_resolved, people_relocated, hazards_inspected, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, type.name(), a.title().strip(), stripped(a.theme()), a.startAt(), a.endAt(), a.regionCode(), station,
					stripped(a.organiser()), voters, stripped(a.outcome()), mixed, disputes, relocated, hazards, user.username(),
					OffsetDateTime.now(clock))
			.update();
		for (UUID deputy : ids) {
			jdbc.sql("insert into duty_activity_deputy (activity_id, deputy_id, attendance) values (?, ?, ?)")
				.params(id, deputy, attendance.getOrDefault(deputy, Attendance.SIGNED_IN).name())
				.update();
		}
		parts.insert(id, at, members);
		Channel channel = switch (type) {
			case RECEPTION -> Channel.STATION_RECEPTION;
			case PUBLIC_MEETING -> Channel.PUBLIC_MEETING;
			default -> Channel.DEPUTY_VISIT;
		};
		// Heard during the activity, but never later than now: a planned activity's opinions are received today.
		java.time.Instant heard = a.startAt().toInstant().isAfter(clock.instant()) ? clock.instant() : a.startAt().toInstant();
		for (int i = 0; i < said.size(); i++) {
			Opinion o = intake.fromStaff(new OpinionIntake.Submit(new Submission(said.get(i), a.regionCode(), station, null,
					null, null, null, null, channel, heard, List.copyOf(ids)), null), user, Moment.live(clock));
			jdbc.sql("insert into duty_activity_opinion (activity_id, opinion_id, position) values (?, ?, ?)")
				.params(id, o.getId(), i)
				.update();
		}
		events.publishEvent(new DutyEvents.ActivityRecorded(id));
		return load(List.of(id)).get(0);
	}

	/** Adds a photo to an activity the caller may see and register; a JPEG or PNG image, told by its content. */
	@Transactional
	public Activity.Photo attachPhoto(UUID id, String filename, byte[] data) {
		Actor user = Actor.current();
		if (!user.hasAny(REGISTRARS)) {
			throw LianluoException.forbidden();
		}
		get(id);
		return photos.store(id, filename, data, user.username());
	}

	/** A photo of an activity the caller may see, or its thumbnail; else not found. */
	public ActivityPhotos.Image photo(UUID id, UUID photoId, boolean thumbnail) {
		get(id);
		return photos.image(id, photoId, thumbnail).orElseThrow(LianluoException::notFound);
	}

	/** Changes one participant's attendance, for the staff who check the sign-in sheet afterwards. */
	@Transactional
	public Activity markAttendance(UUID id, UUID deputyId, String attendance) {
		Actor user = Actor.current();
		if (!user.hasAny(List.of(Role.ASSESSOR, Role.STATION_ADMIN))) {
			throw LianluoException.forbidden();
		}
		get(id);
		Attendance value = parse(Attendance.class, attendance);
		if (value == null) {
			throw LianluoException.invalidField("attendance", "duty.activity.attendance.invalid");
		}
		int changed = jdbc.sql("update duty_activity_deputy set attendance = ? where activity_id = ? and deputy_id = ?")
			.params(value.name(), id, deputyId).update();
		if (changed == 0) {
			throw LianluoException.invalidField("deputyId", "duty.activity.deputies.not-participant");
		}
		return load(List.of(id)).get(0);
	}

	/** An activity the caller may see, else not found. */
	public Activity get(UUID id) {
		Activity activity = load(List.of(id)).stream().findFirst().orElseThrow(LianluoException::notFound);
		Scope scope = Scope.current();
		scope.check(activity.regionCode());
		if (scope.deputyId() != null && activity.deputies().stream().noneMatch(p -> p.deputyId().equals(scope.deputyId()))) {
			throw LianluoException.notFound();
		}
		return activity;
	}

	public Page<Activity> list(ActivityFilter f, int page, int size) {
		Scope scope = Scope.current();
		StringBuilder where = new StringBuilder("a.region_code like ?");
		List<Object> params = new ArrayList<>(List.of(scope.narrow(f.region())));
		if (scope.deputyId() != null) {
			where.append(" and exists (select 1 from duty_activity_deputy p where p.activity_id = a.id and p.deputy_id = ?)");
			params.add(scope.deputyId());
		}
		if (f.station() != null) {
			where.append(" and exists (select 1 from duty_activity_station s where s.activity_id = a.id and s.station_id = ?)");
			params.add(f.station());
		}
		if (f.deputy() != null) {
			where.append(" and exists (select 1 from duty_activity_deputy p where p.activity_id = a.id and p.deputy_id = ?)");
			params.add(f.deputy());
		}
		if (!blank(f.type())) {
			ActivityType type = parse(ActivityType.class, f.type());
			if (type == null) {
				throw LianluoException.invalidField("type", "duty.activity.type.required");
			}
			where.append(" and a.type = ?");
			params.add(type.name());
		}
		if (f.from() != null) {
			where.append(" and a.start_at >= ?");
			params.add(f.from().atStartOfDay(DutyStatistics.ZONE).toOffsetDateTime());
		}
		if (f.to() != null) {
			where.append(" and a.start_at < ?");
			params.add(f.to().plusDays(1).atStartOfDay(DutyStatistics.ZONE).toOffsetDateTime());
		}
		List<Object> paged = new ArrayList<>(params);
		paged.add(size);
		paged.add((long) page * size);
		List<UUID> ids = jdbc.sql("select a.id from duty_activity a where " + where + " order by a.start_at desc, a.id limit ? offset ?")
			.params(paged).query(UUID.class).list();
		long total = jdbc.sql("select count(*) from duty_activity a where " + where).params(params).query(Long.class).single();
		return new Page<>(load(ids), page, size, total);
	}

	private Map<UUID, Attendance> attendance(Map<UUID, String> given, Set<UUID> ids, List<FieldProblem> problems) {
		Map<UUID, Attendance> result = new LinkedHashMap<>();
		if (given == null) {
			return result;
		}
		given.forEach((deputy, value) -> {
			Attendance a = parse(Attendance.class, value);
			if (a == null || !ids.contains(deputy)) {
				problems.add(new FieldProblem("attendance", "duty.activity.attendance.invalid"));
			}
			else {
				result.put(deputy, a);
			}
		});
		return result;
	}

	private List<Activity> load(List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		UUID[] array = ids.toArray(UUID[]::new);
		Map<UUID, List<UUID>> participantIds = new LinkedHashMap<>();
		Map<String, Attendance> attendance = new LinkedHashMap<>();
		jdbc.sql("select activity_id, deputy_id, attendance from duty_activity_deputy where activity_id = any(?)")
			.param(array)
			.query(rs -> {
				UUID activity = rs.getObject(1, UUID.class);
				UUID deputy = rs.getObject(2, UUID.class);
				participantIds.computeIfAbsent(activity, k -> new ArrayList<>()).add(deputy);
				attendance.put(activity + "|" + deputy, Attendance.valueOf(rs.getString(3)));
			});
		Map<UUID, String> names = deputies.findAll(participantIds.values().stream().flatMap(List::stream).distinct().toList())
			.stream().collect(Collectors.toMap(DeputySummary::id, DeputySummary::name));
		Map<UUID, List<Activity.CollectedOpinion>> said = new LinkedHashMap<>();
		// Tracking codes for the office only: a deputy or a unit reading the activity sees none (API.md).
		boolean codes = Actor.find().map(OpinionQueries::showsTrackingCodes).orElse(false);
		jdbc.sql("select activity_id, opinion_id from duty_activity_opinion where activity_id = any(?) order by activity_id, position")
			.param(array)
			.query((rs, n) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) })
			.list()
			.forEach(pair -> opinionLoop.byId(pair[1]).ifPresent(o -> said.computeIfAbsent(pair[0], k -> new ArrayList<>())
				.add(new Activity.CollectedOpinion(o.getId(), codes ? o.getTrackingCode() : null, o.getContent(), o.getStatus()))));
		Map<UUID, List<Activity.Photo>> pictures = photos.of(ids);
		Map<UUID, ActivityParts.Of> where = parts.of(ids);
		Map<UUID, Activity> byId = new LinkedHashMap<>();
		jdbc.sql("select * from duty_activity where id = any(?)")
			.param(array)
			.query((rs, n) -> map(rs, participantIds, attendance, names))
			.list()
			.forEach(a -> byId.put(a.id(), withMore(a, said.get(a.id()), pictures.get(a.id()), where.get(a.id()))));
		return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
	}

	private Activity map(ResultSet rs, Map<UUID, List<UUID>> participantIds, Map<String, Attendance> attendance,
			Map<UUID, String> names) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		List<Activity.Participant> participants = participantIds.getOrDefault(id, List.of()).stream()
			.map(d -> new Activity.Participant(d, names.getOrDefault(d, ""), attendance.get(id + "|" + d)))
			.sorted(java.util.Comparator.comparing(Activity.Participant::name))
			.toList();
		UUID stationId = rs.getObject("station_id", UUID.class);
		Function<String, OffsetDateTime> time = column -> {
			try {
				OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
				return t == null ? null : t.atZoneSameInstant(DutyStatistics.ZONE).toOffsetDateTime();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		};
		return new Activity(id, ActivityType.valueOf(rs.getString("type")), rs.getString("title"), rs.getString("theme"),
				time.apply("start_at"), time.apply("end_at"), rs.getString("region_code"), stationId, null,
				rs.getString("organiser"), rs.getInt("voters_received"), rs.getString("outcome"), rs.getBoolean("mixed_level"),
				rs.getInt("disputes_resolved"), rs.getInt("people_relocated"), rs.getInt("hazards_inspected"), participants,
				rs.getString("created_by"));
	}

	private static Activity withMore(Activity a, List<Activity.CollectedOpinion> said, List<Activity.Photo> pictures,
			ActivityParts.Of where) {
		String stationName = where.stations().isEmpty() ? null : where.stations().get(0).name();
		return new Activity(a.id(), a.type(), a.title(), a.theme(), a.startAt(), a.endAt(), a.regionCode(), a.stationId(),
				stationName, a.organiser(), a.votersReceived(), a.outcome(), a.mixedLevel(), a.disputesResolved(),
				a.peopleRelocated(), a.hazardsInspected(), a.deputies(), a.createdBy(), said, pictures, null,
				where.stations(), where.members());
	}

	static boolean onlyDeputy(Actor user) {
		return user.has(Role.DEPUTY) && !user.hasAny(List.of(Role.ASSESSOR, Role.STATION_ADMIN));
	}

	private static int count(Integer value, String field, List<FieldProblem> problems) {
		if (value == null) {
			return 0;
		}
		if (value < 0 || value > 1_000_000) {
			problems.add(new FieldProblem(field, "duty.activity.count.invalid"));
			return 0;
		}
		return value;
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (blank(value)) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String stripped(String s) {
		return blank(s) ? null : s.strip();
	}

	private static int length(String s) {
		return s == null ? 0 : s.strip().length();
	}
}
