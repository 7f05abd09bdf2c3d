package org.lianluo.duty.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.lianluo.duty.Activities;
import org.lianluo.duty.Activity;
import org.lianluo.duty.ActivityFilter;
import org.lianluo.duty.ActivityIntake;
import org.lianluo.duty.ActivityPhotos;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.lianluo.duty.NewActivity;
import org.lianluo.platform.Page;
import org.lianluo.platform.web.Downloads;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.annotation.Transactional;

/** Duty activities (API.md): register, list within the scope, read one, correct attendance. */
@RestController
class ActivityApi {

	private final Activities activities;

	private final ActivityIntake intake;

	private final ActivityExport export;

	ActivityApi(Activities activities, ActivityIntake intake, ActivityExport export) {
		this.activities = activities;
		this.intake = intake;
		this.export = export;
	}

	/** With an {@code Idempotency-Key}, the same key and body again answer the same activity, no second one. */
	@PostMapping("/api/v1/activities")
	@ResponseStatus(HttpStatus.CREATED)
	Activity register(@RequestBody NewActivity body,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return intake.register(body, List.of(), key);
	}

	@Transactional(readOnly = true)
	@GetMapping("/api/v1/activities")
	Page<Activity> list(@RequestParam(required = false) String region, @RequestParam(required = false) String type,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) UUID deputy, @RequestParam(required = false) UUID station,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Page.check(page, size);
		return activities.list(new ActivityFilter(region, type, from, to, deputy, station), page, size);
	}

	/** The list with the same filters and scope as an .xlsx (API.md). */
	@Transactional(readOnly = true)
	@GetMapping("/api/v1/activities/export")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String region, @RequestParam(required = false) String type,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) UUID deputy, @RequestParam(required = false) UUID station) {
		return Downloads.xlsx("activities.xlsx", export.xlsx(new ActivityFilter(region, type, from, to, deputy, station)));
	}

	@GetMapping("/api/v1/activities/{id}")
	Activity get(@PathVariable UUID id) {
		return activities.get(id);
	}

	@PostMapping("/api/v1/activities/{id}/attendance")
	Activity attendance(@PathVariable UUID id, @RequestBody AttendanceBody body) {
		return activities.markAttendance(id, body.deputyId(), body.attendance());
	}

	/** A photo (multipart field {@code file}): a JPEG or PNG image told by its content, at most 10 MB. */
	@PostMapping(value = "/api/v1/activities/{id}/photos", consumes = "multipart/form-data")
	@ResponseStatus(HttpStatus.CREATED)
	Activity.Photo photo(@PathVariable UUID id, @RequestPart(required = false) MultipartFile file) throws IOException {
		return activities.attachPhoto(id, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
	}

	/** A photo of the activity, or with {@code thumbnail=true} its thumbnail, shown inline. */
	@GetMapping("/api/v1/activities/{id}/photos/{attachmentId}")
	ResponseEntity<byte[]> photo(@PathVariable UUID id, @PathVariable UUID attachmentId,
			@RequestParam(defaultValue = "false") boolean thumbnail) {
		return image(activities.photo(id, attachmentId, thumbnail));
	}

	static ResponseEntity<byte[]> image(ActivityPhotos.Image image) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(image.filename(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate())
			.contentType(MediaType.parseMediaType(image.contentType()))
			.body(image.data());
	}

	record AttendanceBody(UUID deputyId, String attendance) {
	}
}
