package org.lianluo.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.Api.Response;
import org.lianluo.LianluoTest;
import org.lianluo.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What comes with a reply: the signed reply letter as a PDF checked by its content, the written notice of an
 * extension, the follow-up of a B or C reply kept as history, and publishing a reply on the portal.
 */
@LianluoTest
class ProposalReplyTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ProposalFixture f;

	@BeforeEach
	void setUp() {
		f = new ProposalFixture(port);
	}

	String handling(String title) {
		String id = f.registered(title);
		f.step(f.assessor, id, "assign", Map.of("mode", "LEAD", "leadUnitId", f.unitId));
		f.step(f.handler, id, "accept", Map.of());
		f.step(f.handler, id, "contact", Map.of("method", "PHONE", "note", "电话联系黄代表"));
		return id;
	}

	@Test
	void theSignedReplyLetterIsAPdfByContentAndEveryoneWhoSeesTheProposalCanDownloadIt() {
		String id = handling("关于答复函的建议");
		String path = "/api/v1/proposals/" + id + "/reply-documents";
		long before = jdbc.sql("select count(*) from attachment").query(Long.class).single();
		Response renamed = Staff.upload(f.handler, path, "答复函.pdf", "<html>不是 PDF</html>".getBytes(StandardCharsets.UTF_8));
		assertThat(renamed.status()).as(renamed.toString()).isEqualTo(415);
		assertThat(renamed.json().get("detail").asText()).contains("PDF");
		Response png = Staff.upload(f.handler, path, "scan.pdf", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0 });
		assertThat(png.status()).isEqualTo(415);
		Response big = Staff.upload(f.handler, path, "big.pdf", bigPdf());
		assertThat(big.status()).as("over 10 MB").isEqualTo(413);
		assertThat(big.json().get("detail").asText()).contains("10 MB");
		assertThat(Staff.upload(f.otherHandler, path, "a.pdf", PDF).status()).as("not their proposal").isEqualTo(404);
		assertThat(Staff.upload(f.deputy, path, "a.pdf", PDF).status()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from attachment").query(Long.class).single()).isEqualTo(before);

		Response stored = Staff.upload(f.handler, path, "田东县交通运输局答复函.pdf", PDF);
		assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
		String doc = stored.json().get("id").asText();
		JsonNode p = f.deputy.get("/api/v1/proposals/" + id).json();
		assertThat(p.get("replyDocuments").get(0).get("filename").asText()).isEqualTo("田东县交通运输局答复函.pdf");
		assertThat(p.get("timeline").valueStream().map(e -> e.get("kind").asText())).contains("REPLY_DOCUMENT");

		HttpResponse<byte[]> download = bytes(f.deputy, path + "/" + doc);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		assertThat(download.body()).isEqualTo(PDF);
		assertThat(bytes(f.cosigner, path + "/" + doc).statusCode()).as("a co-signer reads it too").isEqualTo(200);
		assertThat(bytes(f.jingxiAssessor, path + "/" + doc).statusCode()).isEqualTo(404);
		assertThat(bytes(f.deputy, path + "/" + UUID.randomUUID()).statusCode()).isEqualTo(404);

		String draft = f.draft("草稿阶段不能上传答复函");
		assertThat(Staff.upload(f.handler, "/api/v1/proposals/" + draft + "/reply-documents", "a.pdf", PDF).status())
			.isIn(404, 409);
	}

	@Test
	void anExtensionIsFollowedByAWrittenNoticeToTheDeputyRecordedOnce() {
		String id = handling("关于延期告知的建议");
		assertThat(f.handler.post("/api/v1/proposals/" + id + "/extension/notice", Map.of("notice", "x")).status())
			.as("no extension yet").isEqualTo(409);
		f.step(f.handler, id, "extension", Map.of("months", 2, "reason", "需等待年度预算批复"));
		JsonNode approved = f.step(f.assessor, id, "extension/decision", Map.of("approve", true));
		assertThat(approved.get("extensionNotice").isNull()).isTrue();
		assertThat(f.handler.post("/api/v1/proposals/" + id + "/extension/notice", Map.of()).status()).isEqualTo(400);
		assertThat(f.assessor.post("/api/v1/proposals/" + id + "/extension/notice", Map.of("notice", "x")).status())
			.isEqualTo(403);
		JsonNode noticed = f.step(f.handler, id, "extension/notice",
				Map.of("notice", "2026年3月2日以《关于延期办理第001号建议的函》书面告知黄代表，办理期限延长2个月。"));
		assertThat(noticed.get("extensionNotice").asText()).contains("书面告知");
		assertThat(noticed.get("extensionNoticedAt").isNull()).isFalse();
		assertThat(noticed.get("timeline").valueStream().map(e -> e.get("kind").asText())).contains("EXTENSION_NOTICE");
		assertThat(f.handler.post("/api/v1/proposals/" + id + "/extension/notice", Map.of("notice", "再次")).status())
			.isEqualTo(409);
	}

	@Test
	void aBReplyIsFollowedUpWhenSolvedAndBothStayInTheHistory() {
		String id = handling("关于续报的建议");
		f.step(f.handler, id, "reply", Map.of("replyClass", "B", "text", "已列入2027年计划。"));
		assertThat(f.handler.post("/api/v1/proposals/" + id + "/follow-up", Map.of("replyClass", "C", "text", "x")).status())
			.as("a follow-up must be better").isEqualTo(400);
		assertThat(f.handler.post("/api/v1/proposals/" + id + "/follow-up", Map.of("replyClass", "D", "text", "x")).status())
			.isEqualTo(400);
		assertThat(f.deputy.post("/api/v1/proposals/" + id + "/follow-up", Map.of("replyClass", "A", "text", "x")).status())
			.isEqualTo(403);
		f.step(f.deputy, id, "evaluate", Map.of("grade", "BASICALLY_SATISFIED"));
		JsonNode followed = f.step(f.handler, id, "follow-up", Map.of("replyClass", "A", "text", "道路已于2027年5月完工通车。"));
		assertThat(followed.get("status").asText()).isEqualTo("CLOSED");
		assertThat(followed.get("replyClass").asText()).isEqualTo("A");
		assertThat(followed.get("replyText").asText()).isEqualTo("道路已于2027年5月完工通车。");
		assertThat(followed.get("replies").valueStream().map(r -> r.get("kind").asText() + " " + r.get("replyClass").asText()))
			.containsExactly("REPLY B", "FOLLOW_UP A");
		assertThat(f.handler.post("/api/v1/proposals/" + id + "/follow-up", Map.of("replyClass", "A", "text", "x")).status())
			.as("A needs no follow-up").isEqualTo(409);
	}

	@Test
	void onlyRepliesMarkedPublicAppearOnThePortalWithoutNames() {
		String open = handling("关于公开答复的建议" + f.u);
		f.step(f.handler, open, "reply", Map.of("replyClass", "A", "text", "已修复路面" + f.u, "publish", true));
		String closed = handling("关于不公开答复的建议" + f.u);
		f.step(f.handler, closed, "reply", Map.of("replyClass", "A", "text", "不公开的答复" + f.u));

		Api anonymous = new Api(port);
		Response r = anonymous.get("/api/v1/public/proposals?region=451022&size=200");
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		assertThat(r.body()).contains("已修复路面" + f.u, "关于公开答复的建议" + f.u, "田东县交通运输局" + f.u)
			.doesNotContain("不公开的答复" + f.u, f.deputyName, "handler" + f.u, "leadDeputy");
		assertThat(anonymous.get("/api/v1/public/proposals?region=451081&size=200").body()).doesNotContain("已修复路面" + f.u);
		assertThat(anonymous.get("/api/v1/public/proposals?size=500").status()).isEqualTo(400);
		assertThat(anonymous.get("/public/proposals?county=451022").body()).contains("已修复路面" + f.u)
			.doesNotContain("不公开的答复" + f.u, f.deputyName);
	}

	@Test
	void everyCoSignerWhoConfirmedGetsACopyOfEachReplyInTheirInboxOnce() {
		String id = handling("关于抄送附议代表的建议");
		f.step(f.handler, id, "reply", Map.of("replyClass", "B", "text", "已列入计划。"));
		JsonNode inbox = f.cosigner.get("/api/v1/inbox?size=200").json();
		List<JsonNode> copies = inbox.get("items").valueStream()
			.filter(m -> m.get("link").asText().equals("/proposals/" + id))
			.filter(m -> m.get("kind").asText().equals("PROPOSAL_REPLY_COPY"))
			.toList();
		assertThat(copies).hasSize(1);
		assertThat(copies.get(0).get("text").asText()).contains("您附议的第", "B 类");
		assertThat(f.deputy.get("/api/v1/inbox?size=200").body()).as("the lead deputy is no co-signer")
			.doesNotContain("您附议的");

		f.step(f.deputy, id, "evaluate", Map.of("grade", "UNSATISFIED"));
		f.step(f.handler, id, "contact", Map.of("method", "FACE_TO_FACE"));
		f.step(f.handler, id, "reply", Map.of("replyClass", "A", "text", "已解决。"));
		assertThat(f.cosigner.get("/api/v1/inbox?size=200").json().get("items").valueStream()
			.filter(m -> m.get("link").asText().equals("/proposals/" + id))
			.filter(m -> m.get("kind").asText().equals("PROPOSAL_REPLY_COPY"))).as("one copy per reply").hasSize(2);
	}

	private static byte[] bigPdf() {
		byte[] data = new byte[10 * 1024 * 1024 + 1];
		System.arraycopy(PDF, 0, data, 0, PDF.length);
		return data;
	}

	private static HttpResponse<byte[]> bytes(Api api, String path) {
		try {
			return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + path))
				.header("Authorization", "Bearer " + api.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
