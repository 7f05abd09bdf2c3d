package org.lianluo.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.lianluo.LianluoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the application maps (API and screens, found in Spring's handler mapping) called by
 * every kind of caller, against the table {@value #TABLE}: {@code ok} means the request got past
 * authorization (2xx, a redirect elsewhere than the sign-in page, or a 400/409/413/415 about the request
 * itself), {@code 401}/{@code 403}/{@code 404} a refusal with that status, {@code login} a redirect to
 * the sign-in page. Any 5xx fails. An endpoint missing from the table fails, and so does a line whose
 * endpoint is gone. Each run writes what it saw, with the raw statuses, to {@code target/authorization-matrix-observed.csv}.
 */
@LianluoTest
class AuthorizationMatrixTests {

	static final String TABLE = "src/test/resources/proof/authorization-matrix.csv";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	record Endpoint(String method, String path, boolean multipart) implements Comparable<Endpoint> {

		String key() {
			return method + " " + path;
		}

		@Override
		public int compareTo(Endpoint o) {
			return key().compareTo(o.key());
		}
	}

	@Test
	void everyEndpointAnswersEachCallerAsTheTableSays() throws IOException {
		Map<String, Map<String, String>> table = readTable();
		World world = new World(port, jdbc);
		List<String> columns = List.copyOf(world.callers.keySet());
		table.values().stream().findFirst().ifPresent(row -> assertThat(row.keySet()).as("the table's columns")
			.containsExactlyElementsOf(columns));

		List<Endpoint> endpoints = endpoints();
		// Reads and writes on a fresh record of their own run side by side; the other writes, which touch
		// shared records, run one after the other afterwards.
		Map<Endpoint, Row> rows = new java.util.concurrent.ConcurrentHashMap<>();
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			List<java.util.concurrent.Future<?>> running = new ArrayList<>();
			for (Endpoint e : endpoints) {
				if (Targets.independent(e)) {
					running.add(pool.submit(() -> rows.put(e, row(world, columns, e))));
				}
			}
			for (var f : running) {
				f.get();
			}
		}
		catch (InterruptedException | java.util.concurrent.ExecutionException ex) {
			throw new AssertionError(ex);
		}
		finally {
			pool.shutdownNow();
		}
		for (Endpoint e : endpoints) {
			if (!Targets.independent(e)) {
				rows.put(e, row(world, columns, e));
			}
		}

		List<String> failures = new ArrayList<>();
		List<String> observedLines = new ArrayList<>();
		observedLines.add("method,path," + String.join(",", columns));
		for (Endpoint e : endpoints) {
			Row row = rows.get(e);
			failures.addAll(row.errors());
			observedLines.add(e.method() + "," + e.path() + "," + String.join(",", row.raw()));
			Map<String, String> expected = table.remove(e.key());
			if (expected == null) {
				failures.add("No entry for " + e.key() + " in " + TABLE + ". Check what each caller should get and add the line: "
						+ e.method() + "," + e.path() + "," + String.join(",", row.seen().values()) + "   (this run saw it)");
				continue;
			}
			for (String column : columns) {
				if (!expected.get(column).equals(row.seen().get(column))) {
					failures.add(e.key() + " (" + row.path() + ") as " + column + ": expected " + expected.get(column)
							+ ", got " + row.raw().get(columns.indexOf(column)));
				}
			}
		}
		table.keySet().forEach(gone -> failures.add("The table " + TABLE + " has a line for " + gone
				+ ", which the application no longer maps: remove it."));
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target/authorization-matrix-observed.csv"), observedLines, StandardCharsets.UTF_8);
		assertThat(failures).as("authorization matrix (observed: target/authorization-matrix-observed.csv)").isEmpty();
	}

	record Row(String path, Map<String, String> seen, List<String> raw, List<String> errors) {
	}

	/** One endpoint called by every caller in turn, on its records. */
	static Row row(World world, List<String> columns, Endpoint e) {
		Targets targets = e.method().equals("GET") ? Targets.shared(world) : Targets.forWrite(world, e.path());
		String path = targets.resolve(e.path())
				+ (e.method().equals("DELETE") ? "?day=2030-01-02&deputyId=" + world.deputyId : "");
		Map<String, String> seen = new LinkedHashMap<>();
		List<String> raw = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		for (String column : columns) {
			Caller caller = world.callers.get(column);
			// ending a token ends the caller's own: each ends one of a sign-in of its own, not the one the other rows use
			caller = e.key().equals("DELETE /api/v1/auth/token") ? caller.again() : caller;
			HttpResponse<String> r = caller.call(e.method(), path, e.multipart(), targets.formFields(e.path()));
			String outcome = outcome(r);
			seen.put(column, outcome);
			raw.add(outcome.equals("ok") ? "ok:" + r.statusCode() : outcome);
			if (r.statusCode() >= 500) {
				errors.add(e.key() + " as " + column + " answered " + r.statusCode() + ": " + abbreviate(r.body()));
			}
		}
		return new Row(path, seen, raw, errors);
	}

	List<Endpoint> endpoints() {
		return endpoints(mappings).keySet().stream().toList();
	}

	/** Every mapped method and path with its handler; a mapping without methods (the error page) counts as GET. */
	static java.util.SortedMap<Endpoint, org.springframework.web.method.HandlerMethod> endpoints(RequestMappingHandlerMapping mappings) {
		java.util.SortedMap<Endpoint, org.springframework.web.method.HandlerMethod> found = new TreeMap<>();
		mappings.getHandlerMethods().forEach((RequestMappingInfo info, org.springframework.web.method.HandlerMethod handler) -> {
			boolean multipart = java.util.Arrays.stream(handler.getMethodParameters())
				.anyMatch(p -> MultipartFile.class.isAssignableFrom(p.getParameterType()));
			var methods = info.getMethodsCondition().getMethods();
			for (String path : info.getPatternValues()) {
				for (RequestMethod m : methods.isEmpty() ? java.util.Set.of(RequestMethod.GET) : methods) {
					found.put(new Endpoint(m.name(), path, multipart), handler);
				}
			}
		});
		return found;
	}

	static String outcome(HttpResponse<String> r) {
		int s = r.statusCode();
		if (s == 401 || s == 403 || s == 404) {
			return String.valueOf(s);
		}
		if (s / 100 == 3 && r.headers().firstValue("Location").orElse("").matches(".*/login(\\?.*)?$")) {
			return "login";
		}
		return s >= 500 ? String.valueOf(s) : "ok";
	}

	static Map<String, Map<String, String>> readTable() throws IOException {
		Map<String, Map<String, String>> table = new LinkedHashMap<>();
		List<String> header = null;
		try (InputStream in = Files.newInputStream(Path.of(TABLE))) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				line = line.strip();
				if (line.isEmpty() || line.startsWith("#")) {
					continue;
				}
				List<String> cells = List.of(line.split(","));
				if (header == null) {
					header = cells;
					continue;
				}
				Map<String, String> row = new LinkedHashMap<>();
				for (int i = 2; i < header.size(); i++) {
					row.put(header.get(i), i < cells.size() ? cells.get(i).strip() : "");
				}
				if (table.put(cells.get(0) + " " + cells.get(1), row) != null) {
					throw new AssertionError("two lines for " + cells.get(0) + " " + cells.get(1) + " in " + TABLE);
				}
			}
		}
		return table;
	}

	private static String abbreviate(String s) {
		return s.length() > 300 ? s.substring(0, 300) + "…" : s;
	}

	/** The records a row's path variables name: shared ones for reads, a fresh opinion or proposal for each write on one. */
	record Targets(World world, World.Opinion opinion, String proposalId) {

		static Targets shared(World world) {
			return new Targets(world, world.opinion, world.proposalId);
		}

		static Targets forWrite(World world, String path) {
			if (path.matches("(/api/v1)?/opinions/\\{id}.*")) {
				return new Targets(world, world.opinion(), world.proposalId);
			}
			if (path.matches("(/api/v1)?/proposals/\\{id}.*")) {
				return new Targets(world, world.opinion, world.proposal());
			}
			return shared(world);
		}

		/**
		 * The fields a screen's form posts, so that a refusal is about who asks rather than a missing
		 * field (each form takes the ones it knows).
		 */
		Map<String, String> formFields(String pattern) {
			Map<String, String> fields = new java.util.HashMap<>(Map.ofEntries(Map.entry("approve", "false"), Map.entry("reason", "权限矩阵"), Map.entry("note", "权限矩阵"),
					Map.entry("text", "权限矩阵的说明文字"), Map.entry("name", "权限矩阵"), Map.entry("displayName", "权限矩阵"),
					Map.entry("day", "2030-01-02"), Map.entry("route", "REJECT"), Map.entry("regionCode", World.COUNTY),
					Map.entry("code", opinion.trackingCode()), Map.entry("station", world.stationId),
					Map.entry("deputyId", world.deputyId)));
			if (pattern.startsWith("/admin/calendar")) {
				fields.put("kind", "HOLIDAY");
			}
			return fields;
		}

		static boolean independent(Endpoint e) {
			return e.method().equals("GET") || e.path().matches("(/api/v1)?/(opinions|proposals)/\\{id}.*");
		}

		String resolve(String pattern) {
			String[] parts = pattern.split("/");
			StringBuilder path = new StringBuilder();
			for (int i = 1; i < parts.length; i++) {
				path.append('/').append(value(parts[i], parts[i - 1], pattern));
			}
			return path.isEmpty() ? "/" : path.toString();
		}

		private String value(String part, String before, String pattern) {
			return switch (part) {
				case "{id}" -> switch (before) {
					case "opinions" -> opinion.id();
					case "proposals" -> proposalId;
					case "deputies" -> world.deputyId;
					case "stations" -> world.stationId;
					case "units" -> world.unitId;
					case "users" -> world.targetUserId;
					case "consultations" -> world.consultationId;
					case "activities" -> world.activityId;
					case "inbox" -> world.inboxMessageId;
					case "deliveries" -> world.deliveryId;
					case "sessions" -> world.sessionId;
					case "upward" -> world.upwardId;
					case "committees" -> world.committeeId;
					case "key-supervisions" -> world.keySupervisionId;
					// no rotation is run by the matrix (it would re-seal every record): one that does not exist
					case "key-rotations" -> "00000000-0000-7000-8000-000000000000";
					default -> throw new AssertionError("no record for {id} after /" + before + " in " + pattern
							+ ": teach AuthorizationMatrixTests.Targets which record it names");
				};
				case "{trackingCode}" -> pattern.contains("consultation-comments") ? world.commentCode : opinion.trackingCode();
				case "{attachmentId}" -> opinion.attachmentId();
				case "{documentId}" -> world.replyDocumentId;
				case "{commentId}" -> world.commentId;
				case "{seatId}" -> world.seatId;
				case "{memberId}" -> world.memberId;
				case "{city}" -> "451000";
				case "{city}.geojson" -> "451000.geojson";
				case "{year}" -> "2026";
				case "{day}" -> "2030-01-02";
				default -> {
					if (part.contains("{")) {
						throw new AssertionError("no value for " + part + " in " + pattern
								+ ": teach AuthorizationMatrixTests.Targets which record it names");
					}
					yield part;
				}
			};
		}
	}
}
