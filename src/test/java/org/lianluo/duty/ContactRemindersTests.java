package org.lianluo.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.Staff.id;
import static org.lianluo.Staff.unique;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The contact plans' daily check: a pair behind its schedule gets the committee member and the assessors an inbox
 * message, once per step. In 德保县马隘镇 (451024103), which no other test uses.
 */
@LianluoTest
class ContactRemindersTests {

	static final String TOWN = "451024103";

	@LocalServerPort
	int port;

	@Autowired
	ContactReminders reminders;

	UUID deputy(String name, boolean committeeMember) {
		Map<String, Object> body = new HashMap<>(Map.of("name", name, "gender", "FEMALE", "levels", List.of("COUNTY"),
				"regionCode", TOWN));
		if (committeeMember) {
			body.put("committeeMember", true);
			body.put("committeePosition", "MEMBER");
		}
		return id(Staff.admin(port).post("/api/v1/deputies", body));
	}

	@Test
	void contactsAreDueEvenlyThroughTheYear() {
		assertThat(ContactReminders.expected(2, LocalDate.of(2025, 7, 1))).as("2 × 182 / 365").isZero();
		assertThat(ContactReminders.expected(2, LocalDate.of(2025, 7, 2))).as("2 × 183 / 365").isEqualTo(1);
		assertThat(ContactReminders.expected(2, LocalDate.of(2025, 12, 31))).isEqualTo(2);
		assertThat(ContactReminders.expected(5, LocalDate.of(2024, 3, 14))).as("5 × 74 / 366 in a leap year").isEqualTo(1);
		assertThat(ContactReminders.expected(3, LocalDate.of(2025, 1, 1))).isZero();
	}

	@Test
	void aPairBehindItsScheduleRemindsTheMemberAndTheAssessorsOncePerStep() {
		String memberName = unique("黄");
		String doneName = unique("陆");
		String behindName = unique("莫");
		UUID member = deputy(memberName, true);
		UUID done = deputy(doneName, false);
		UUID behind = deputy(behindName, false);
		String memberUser = unique("m");
		assertThat(Staff.admin(port).post("/api/v1/users", Map.of("username", memberUser, "displayName", "常委", "password",
				"password-123", "roles", List.of("DEPUTY"), "regionCode", TOWN, "deputyId", member.toString())).status())
			.isEqualTo(201);
		Api memberApi = new Api(port).as(memberUser, "password-123");
		Api assessor = Staff.user(port, TOWN, "ASSESSOR");
		Api elsewhere = Staff.user(port, "451081", "ASSESSOR");
		assertThat(assessor.post("/api/v1/contact-plans", Map.of("year", 2025, "committeeMemberId", member, "deputyIds",
				List.of(done, behind), "target", 2)).status()).isEqualTo(201);
		id(assessor.post("/api/v1/contacts", Map.of("committeeMemberId", member, "deputyId", done, "at",
				"2025-03-01T10:00:00+08:00", "method", "VISIT")));

		reminders.sweep(LocalDate.of(2025, 7, 1));
		assertThat(texts(memberApi)).as("nothing is due before 2 July").isEmpty();

		reminders.sweep(LocalDate.of(2025, 7, 3));
		reminders.sweep(LocalDate.of(2025, 7, 4));
		assertThat(texts(memberApi)).as("one contact due, the pair with none is behind, told once")
			.containsExactly("联系清单提醒：您2025年应联系代表" + behindName + " 2 次，按进度现应已联系 1 次，目前已联系 0 次，请尽快安排联系。");
		assertThat(texts(assessor)).containsExactly(
				"联系清单进度滞后：" + memberName + "2025年应联系代表" + behindName + " 2 次，按进度现应已联系 1 次，目前已联系 0 次。");
		assertThat(texts(elsewhere)).as("an assessor of another county").noneMatch(t -> t.contains(memberName));

		reminders.sweep(LocalDate.of(2025, 12, 31));
		assertThat(texts(memberApi)).hasSize(3)
			.contains("联系清单提醒：您2025年应联系代表" + doneName + " 2 次，按进度现应已联系 2 次，目前已联系 1 次，请尽快安排联系。",
					"联系清单提醒：您2025年应联系代表" + behindName + " 2 次，按进度现应已联系 2 次，目前已联系 0 次，请尽快安排联系。");
		JsonNode first = memberApi.get("/api/v1/inbox").json().get("items").get(0);
		assertThat(first.get("kind").asText()).isEqualTo("CONTACT_BEHIND");
		assertThat(first.get("link").asText()).isEqualTo("/duty/contacts?year=2025&region=" + TOWN);
	}

	static List<String> texts(Api api) {
		Response r = api.get("/api/v1/inbox?size=100");
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		return r.json().get("items").valueStream().map(i -> i.get("text").asText()).toList();
	}
}
