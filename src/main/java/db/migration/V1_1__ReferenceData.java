package db.migration;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads the official region codes of 百色市 and the State Council's holiday schedules from the CSV
 * files under {@code data/} (their sources are in data/SOURCES.md), so that nothing is retyped.
 */
public class V1_1__ReferenceData extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		Connection c = context.getConnection();
		try (PreparedStatement ps = c.prepareStatement(
				"insert into region (code, name, level, parent_code, provisional, source_year) values (?, ?, ?, ?, false, ?)")) {
			for (String[] row : csv("/data/regions-451000.csv")) {
				ps.setString(1, row[0]);
				ps.setString(2, row[1]);
				ps.setString(3, row[2]);
				ps.setString(4, "451000".equals(row[0]) ? null : row[3]);
				ps.setInt(5, Integer.parseInt(row[4]));
				ps.addBatch();
			}
			ps.executeBatch();
		}
		try (PreparedStatement ps = c.prepareStatement("insert into calendar_day (day, kind, name) values (?, ?, ?)")) {
			for (String[] row : csv("/data/holidays-cn.csv")) {
				ps.setObject(1, java.time.LocalDate.parse(row[0]));
				ps.setString(2, row[1]);
				ps.setString(3, row[2]);
				ps.addBatch();
			}
			ps.executeBatch();
		}
	}

	private static List<String[]> csv(String resource) throws Exception {
		List<String[]> rows = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				V1_1__ReferenceData.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
			reader.readLine();
			for (String line; (line = reader.readLine()) != null;) {
				if (!line.isBlank()) {
					rows.add(line.split(",", -1));
				}
			}
		}
		return rows;
	}
}
