package org.lianluo.consultation.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.lianluo.consultation.Comment;
import org.lianluo.consultation.Consultation;
import org.lianluo.consultation.Consultations;
import org.lianluo.consultation.Consultations.NewComment;
import org.lianluo.identity.Actor;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public pages of a consultation (read, comment by article) and the staff's pages to draft and moderate. */
@Controller
class ConsultationScreens {

	// A line that starts an article: 第一条, 第3条, 第十二条 …
	private static final Pattern ARTICLE = Pattern.compile("^\\s*第([一二三四五六七八九十百零〇\\d]+)条\\s*(.*)$");

	private final Consultations consultations;

	private final FormErrors formErrors;

	private final MessageSource messages;

	private final org.lianluo.platform.SubmissionGuard guard;

	ConsultationScreens(Consultations consultations, FormErrors formErrors, MessageSource messages,
			org.lianluo.platform.SubmissionGuard guard) {
		this.guard = guard;
		this.consultations = consultations;
		this.formErrors = formErrors;
		this.messages = messages;
	}

	@GetMapping("/consultations")
	String published(Model model) {
		model.addAttribute("consultations", consultations.published());
		model.addAttribute("today", LocalDate.now(org.lianluo.region.WorkingCalendar.ZONE));
		return "consultation/public-list";
	}

	@GetMapping("/consultations/{id}")
	String read(@PathVariable UUID id, @RequestParam(required = false) String code, Model model) {
		Consultation c = consultations.publicGet(id);
		model.addAttribute("c", c);
		model.addAttribute("open", consultations.isOpen(c));
		model.addAttribute("code", code);
		return "consultation/public-detail";
	}

	@PostMapping("/consultations/{id}/comments")
	String comment(@PathVariable UUID id, @RequestParam(required = false) Integer articleNumber,
			@RequestParam(defaultValue = "") String text, @RequestParam(required = false) String name,
			@RequestParam(required = false) String phone, jakarta.servlet.http.HttpServletRequest request, Model model) {
		try {
			consultations.publicGet(id);
			guard.admit(request.getRemoteAddr(), phone, false, null, null);
			Comment c = consultations.comment(id, new NewComment(articleNumber, text, name, phone));
			return "redirect:/consultations/" + id + "?code=" + c.trackingCode() + "#thanks";
		}
		catch (LianluoException ex) {
			model.addAttribute("errors", formErrors.of(ex));
			model.addAttribute("failedArticle", articleNumber == null ? 0 : articleNumber);
			model.addAttribute("failedText", text);
			model.addAttribute("failedName", name);
			model.addAttribute("failedPhone", phone);
			return read(id, null, model);
		}
	}

	// --- staff

	@GetMapping("/manage/consultations")
	String manage(Model model) {
		model.addAttribute("page", consultations.staffList(0, 100));
		model.addAttribute("canDraft", Actor.current().has(org.lianluo.identity.Role.ASSESSOR));
		return "consultation/manage-list";
	}

	@PostMapping("/manage/consultations")
	String create(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String issuer,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) LocalDate opensOn,
			@RequestParam(required = false) LocalDate closesOn, @RequestParam(defaultValue = "") String body,
			RedirectAttributes flash) {
		try {
			Consultation c = consultations.create(new Consultations.Draft(title, issuer,
					regionCode == null ? Actor.current().regionCode() : regionCode, opensOn, closesOn, articles(body)));
			return "redirect:/manage/consultations/" + c.id();
		}
		catch (LianluoException ex) {
			flash.addFlashAttribute("errors", formErrors.of(ex));
			return "redirect:/manage/consultations";
		}
	}

	@GetMapping("/manage/consultations/{id}")
	String moderate(@PathVariable UUID id, @RequestParam(required = false) Integer article, Model model) {
		model.addAttribute("c", consultations.staffGet(id));
		model.addAttribute("summary", consultations.summary(id));
		model.addAttribute("comments", consultations.comments(id, article, 0, 200));
		model.addAttribute("article", article);
		model.addAttribute("adoptions", Comment.Adoption.values());
		return "consultation/manage-detail";
	}

	@PostMapping("/manage/consultations/{id}/publish")
	String publish(@PathVariable UUID id, RedirectAttributes flash) {
		return act(id, flash, () -> consultations.publish(id));
	}

	@PostMapping("/manage/consultations/{id}/comments/{commentId}/hide")
	String hide(@PathVariable UUID id, @PathVariable UUID commentId, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes flash) {
		return act(id, flash, () -> consultations.hide(commentId, reason));
	}

	@PostMapping("/manage/consultations/{id}/comments/{commentId}/adoption")
	String adopt(@PathVariable UUID id, @PathVariable UUID commentId, @RequestParam(required = false) Comment.Adoption adoption,
			@RequestParam(required = false) String note, RedirectAttributes flash) {
		return act(id, flash, () -> consultations.adopt(commentId, adoption, note));
	}

	/** Every comment as a sheet, with Chinese headers; no names or phones. */
	@GetMapping("/manage/consultations/{id}/comments.xlsx")
	ResponseEntity<byte[]> export(@PathVariable UUID id) throws IOException {
		Consultation c = consultations.staffGet(id);
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet(text("consultation.export.sheet"));
			String[] headers = { "consultation.article", "consultation.comment", "consultation.channel", "consultation.submitted-at",
					"consultation.tracking-code", "consultation.hidden", "consultation.adoption", "consultation.adoption-note" };
			Row head = sheet.createRow(0);
			for (int i = 0; i < headers.length; i++) {
				head.createCell(i).setCellValue(text(headers[i]));
			}
			int r = 1;
			for (Comment cm : consultations.comments(id, null, 0, 100_000).items()) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(cm.articleNumber() == null ? text("consultation.whole") : text("consultation.article-n", cm.articleNumber()));
				row.createCell(1).setCellValue(org.lianluo.platform.Sheets.text(cm.text()));
				row.createCell(2).setCellValue(text("consultation.channel." + cm.channel()));
				row.createCell(3).setCellValue(cm.createdAt().atZone(org.lianluo.region.WorkingCalendar.ZONE).toLocalDateTime().toString());
				row.createCell(4).setCellValue(cm.trackingCode());
				row.createCell(5).setCellValue(cm.hidden() ? text("consultation.yes") : "");
				row.createCell(6).setCellValue(cm.adoption() == null ? "" : text("consultation.adoption." + cm.adoption()));
				row.createCell(7).setCellValue(cm.adoptionNote() == null ? "" : org.lianluo.platform.Sheets.text(cm.adoptionNote()));
			}
			book.write(out);
			return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
					.filename(c.title() + ".xlsx", StandardCharsets.UTF_8).build().toString())
				.contentType(org.springframework.http.MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.body(out.toByteArray());
		}
	}

	/**
	 * The comment summary as a Word document (.docx): per article (and the whole draft) the comments counted, with
	 * how many were hidden, adopted, partly adopted, not adopted and not yet marked; then the visible comments of
	 * each article with their adoption marks. No names or phones.
	 */
	@GetMapping("/manage/consultations/{id}/summary.docx")
	ResponseEntity<byte[]> summaryDocument(@PathVariable UUID id) throws IOException {
		Consultation c = consultations.staffGet(id);
		List<Comment> all = consultations.comments(id, null, 0, 100_000).items();
		java.util.Map<Integer, List<Comment>> byArticle = new java.util.TreeMap<>();
		byArticle.put(0, new ArrayList<>());
		c.articles().forEach(a -> byArticle.put(a.number(), new ArrayList<>()));
		all.forEach(cm -> byArticle.computeIfAbsent(cm.articleNumber() == null ? 0 : cm.articleNumber(), k -> new ArrayList<>()).add(cm));
		try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument();
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			paragraph(doc, c.title(), true, 16);
			paragraph(doc, text("consultation.window", c.issuer(), c.opensOn(), c.closesOn()), false, 11);
			paragraph(doc, text("consultation.doc.total", all.size(), all.stream().filter(Comment::hidden).count()), false, 11);
			paragraph(doc, text("consultation.doc.table"), true, 13);
			String[] headers = { "consultation.article", "consultation.comments", "consultation.hidden", "consultation.adoption.ADOPTED",
					"consultation.adoption.PARTLY_ADOPTED", "consultation.adoption.NOT_ADOPTED", "consultation.doc.unmarked" };
			org.apache.poi.xwpf.usermodel.XWPFTable table = doc.createTable(byArticle.size() + 1, headers.length);
			table.setWidth("100%");
			for (int i = 0; i < headers.length; i++) {
				cell(table, 0, i, text(headers[i]), true);
			}
			int r = 1;
			for (var e : byArticle.entrySet()) {
				List<Comment> list = e.getValue();
				cell(table, r, 0, article(e.getKey()), false);
				cell(table, r, 1, String.valueOf(list.size()), false);
				cell(table, r, 2, String.valueOf(list.stream().filter(Comment::hidden).count()), false);
				cell(table, r, 3, String.valueOf(count(list, Comment.Adoption.ADOPTED)), false);
				cell(table, r, 4, String.valueOf(count(list, Comment.Adoption.PARTLY_ADOPTED)), false);
				cell(table, r, 5, String.valueOf(count(list, Comment.Adoption.NOT_ADOPTED)), false);
				cell(table, r, 6, String.valueOf(list.stream().filter(cm -> !cm.hidden() && cm.adoption() == null).count()), false);
				r++;
			}
			for (var e : byArticle.entrySet()) {
				List<Comment> visible = e.getValue().stream().filter(cm -> !cm.hidden()).toList();
				if (visible.isEmpty()) {
					continue;
				}
				paragraph(doc, article(e.getKey()) + text("consultation.doc.comments-of", visible.size()), true, 13);
				if (e.getKey() > 0) {
					c.articles().stream().filter(a -> a.number() == e.getKey()).findFirst()
						.ifPresent(a -> paragraph(doc, a.text(), false, 10));
				}
				int n = 1;
				for (Comment cm : visible) {
					String mark = cm.adoption() == null ? text("consultation.doc.unmarked") : text("consultation.adoption." + cm.adoption());
					String note = cm.adoptionNote() == null ? "" : text("consultation.doc.note", cm.adoptionNote());
					paragraph(doc, text("consultation.doc.line", String.valueOf(n++), cm.text(), mark, note,
							text("consultation.channel." + cm.channel())), false, 11);
				}
			}
			doc.write(out);
			return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
					.filename(c.title() + text("consultation.doc.suffix") + ".docx", StandardCharsets.UTF_8).build().toString())
				.contentType(org.springframework.http.MediaType
					.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
				.body(out.toByteArray());
		}
	}

	private String article(int number) {
		return number == 0 ? text("consultation.whole") : text("consultation.article-n", number);
	}

	private static long count(List<Comment> list, Comment.Adoption adoption) {
		return list.stream().filter(cm -> !cm.hidden() && cm.adoption() == adoption).count();
	}

	private void paragraph(org.apache.poi.xwpf.usermodel.XWPFDocument doc, String line, boolean bold, int size) {
		org.apache.poi.xwpf.usermodel.XWPFRun run = doc.createParagraph().createRun();
		run.setText(line);
		run.setBold(bold);
		run.setFontSize(size);
		run.setFontFamily(text("consultation.doc.font"));
	}

	private void cell(org.apache.poi.xwpf.usermodel.XWPFTable table, int row, int col, String value, boolean bold) {
		org.apache.poi.xwpf.usermodel.XWPFTableCell cell = table.getRow(row).getCell(col);
		org.apache.poi.xwpf.usermodel.XWPFRun run = cell.getParagraphs().get(0).createRun();
		run.setText(value);
		run.setBold(bold);
		run.setFontFamily(text("consultation.doc.font"));
	}

	private String act(UUID id, RedirectAttributes flash, Runnable action) {
		return formErrors.act("/manage/consultations/" + id, flash, action);
	}

	/** Splits a pasted draft into articles at each line that starts with 第…条; text before the first is ignored. */
	static List<Consultation.Article> articles(String body) {
		List<Consultation.Article> articles = new ArrayList<>();
		StringBuilder current = null;
		for (String line : body.split("\\R")) {
			Matcher m = ARTICLE.matcher(line);
			if (m.matches()) {
				if (current != null) {
					articles.add(new Consultation.Article(articles.size() + 1, current.toString().strip()));
				}
				current = new StringBuilder(m.group(2));
			}
			else if (current != null) {
				current.append('\n').append(line);
			}
		}
		if (current != null) {
			articles.add(new Consultation.Article(articles.size() + 1, current.toString().strip()));
		}
		return articles;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
