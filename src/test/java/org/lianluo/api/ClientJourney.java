package org.lianluo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.lianluo.client.ApiClient;
import org.lianluo.client.ApiException;
import org.lianluo.client.api.AuthApi;
import org.lianluo.client.api.OpinionApi;
import org.lianluo.client.api.PublicOpinionApi;
import org.lianluo.client.api.PublicStationApi;
import org.lianluo.client.api.RegionApi;
import org.lianluo.client.api.ReportApi;
import org.lianluo.client.api.UnitApi;
import org.lianluo.client.api.UserApi;
import org.lianluo.client.model.AuthApiCredentials;
import org.lianluo.client.model.HandlingUnit;
import org.lianluo.client.model.OpinionApiDecision;
import org.lianluo.client.model.OpinionApiReplyBody;
import org.lianluo.client.model.OpinionView;
import org.lianluo.client.model.OpinionViewEvent;
import org.lianluo.client.model.PublicOpinionApiCitizenSubmission;
import org.lianluo.client.model.PublicOpinionApiEvaluation;
import org.lianluo.client.model.PublicOpinionApiReceipt;
import org.lianluo.client.model.PublicOpinionView;
import org.lianluo.client.model.TriageBody;
import org.lianluo.client.model.UnitsUnitForm;
import org.lianluo.client.model.UserManagementUserForm;

/**
 * The whole opinion loop driven through the client generated from {@code api/openapi.json} (pom.xml), as a
 * province's system would: a citizen's intake, triage to a unit, the unit's acceptance and reply, the office's review,
 * the citizen's rating, and two refusals, each answer read by the generated models. {@code base} is the application
 * itself or a proxy in front of it.
 */
final class ClientJourney {

	private final String base;

	ClientJourney(String base) {
		this.base = base;
	}

	ApiClient client(String token) {
		ApiClient client = new ApiClient();
		client.updateBaseUri(base);
		if (token != null) {
			client.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + token));
		}
		return client;
	}

	String signIn(String username, String password) throws ApiException {
		return new AuthApi(client(null)).authToken(new AuthApiCredentials().username(username).password(password)).getToken();
	}

	/** Runs the loop; answers the opinion as the office sees it at the end. */
	OpinionView opinionLoop() throws ApiException {
		String u = UUID.randomUUID().toString().substring(0, 8);
		ApiClient admin = client(signIn("admin", "admin-test-password"));
		HandlingUnit unit = new UnitApi(admin).unitCreate(new UnitsUnitForm().name("田东县水利局" + u).regionCode("451022"));
		UserApi users = new UserApi(admin);
		users.userCreate(new UserManagementUserForm().username("c-assessor" + u).displayName("研判" + u).password("password-123")
			.roles(Set.of(UserManagementUserForm.RolesEnum.ASSESSOR)).regionCode("451000"));
		users.userCreate(new UserManagementUserForm().username("c-handler" + u).displayName("经办" + u).password("password-123")
			.roles(Set.of(UserManagementUserForm.RolesEnum.UNIT_HANDLER)).regionCode("451022").unitId(unit.getId()));
		OpinionApi assessor = new OpinionApi(client(signIn("c-assessor" + u, "password-123")));
		OpinionApi handler = new OpinionApi(client(signIn("c-handler" + u, "password-123")));
		PublicOpinionApi citizen = new PublicOpinionApi(client(null));

		PublicOpinionApiReceipt receipt = citizen.publicOpinionSubmit(new PublicOpinionApiCitizenSubmission()
			.content("那坡镇水渠堵塞，农田灌溉受影响，请尽快疏通。" + u).regionCode("451022108")
			.kind(PublicOpinionApiCitizenSubmission.KindEnum.COMPLAINT)
			.category(PublicOpinionApiCitizenSubmission.CategoryEnum.AGRICULTURE).name("韦小华").phone("13912345678"), u);
		assertThat(receipt.getStatus()).hasToString("RECEIVED");
		String code = receipt.getTrackingCode();
		PublicOpinionView tracked = citizen.publicOpinionTrack(code);
		assertThat(tracked.getStatus()).hasToString("RECEIVED");
		assertThat(tracked.getReply()).isNull();
		assertThat(tracked.getDeadline()).isNull();

		UUID id = assessor.opinionList(null, null, null, null, code, null, 0, 20).getItems().get(0).getId();
		OpinionView assigned = assessor.opinionTriage(id, new TriageBody().route(TriageBody.RouteEnum.ASSIGN).leadUnitId(unit.getId()));
		assertThat(assigned.getStatus()).hasToString("ASSIGNED");
		assertThat(assigned.getLight()).hasToString("GREEN");
		assertThat(assigned.getDeadline()).isNotNull();

		OpinionView accepted = handler.opinionAccept(id);
		assertThat(accepted.getStatus()).hasToString("ACCEPTED");
		assertThat(accepted.getTrackingCode()).as("never for the unit being rated").isNull();
		handler.opinionReply(id, new OpinionApiReplyBody().result(OpinionApiReplyBody.ResultEnum.RESOLVED).text("水渠已疏通，恢复灌溉。"));
		assertThat(assessor.opinionReview(id, new OpinionApiDecision().approve(true)).getStatus()).hasToString("FED_BACK");

		ApiException wrongKey = catchThrowableOfType(ApiException.class, () -> citizen.publicOpinionEvaluate(code,
				new PublicOpinionApiEvaluation().grade(PublicOpinionApiEvaluation.GradeEnum.SATISFIED).ratingKey("not-the-key")));
		assertThat(wrongKey.getCode()).isEqualTo(403);
		assertThat(wrongKey.getResponseHeaders().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

		PublicOpinionView rated = citizen.publicOpinionEvaluate(code, new PublicOpinionApiEvaluation()
			.grade(PublicOpinionApiEvaluation.GradeEnum.SATISFIED).comment("很及时").ratingKey(receipt.getRatingKey()));
		assertThat(rated.getStatus()).hasToString("CLOSED");
		assertThat(rated.getReply().getResult()).hasToString("RESOLVED");

		ApiException again = catchThrowableOfType(ApiException.class, () -> citizen.publicOpinionEvaluate(code,
				new PublicOpinionApiEvaluation().grade(PublicOpinionApiEvaluation.GradeEnum.UNSATISFIED).ratingKey(receipt.getRatingKey())));
		assertThat(again.getCode()).as("409 unless the opinion is FED_BACK").isEqualTo(409);

		OpinionView office = assessor.opinionGet(id);
		assertThat(office.getTimeline()).extracting(OpinionViewEvent::getTo).map(String::valueOf)
			.containsSubsequence("RECEIVED", "ASSIGNED", "ACCEPTED", "REPLIED", "FED_BACK", "CLOSED");
		assertThat(office.getSubmitterPhone()).isEqualTo("139****5678");
		return office;
	}

	/** What a citizen's page and a partner system read besides: regions, stations, units, the annual report. */
	void registriesAndReport() throws ApiException {
		assertThat(new RegionApi(client(null)).regionTree()).isNotEmpty();
		assertThat(new PublicStationApi(client(null)).publicStationList("451022", null, 0, 20).getItems()).isNotNull();
		ApiClient admin = client(signIn("admin", "admin-test-password"));
		assertThat(new UnitApi(admin).unitList("451022", null, 0, 20).getTotal()).isPositive();
		assertThat(new ReportApi(admin).reportAnnual("451000", "2025", null, null)).isNotNull();
	}

	static List<String> statuses(OpinionView view) {
		return view.getTimeline().stream().map(e -> String.valueOf(e.getTo())).toList();
	}
}
