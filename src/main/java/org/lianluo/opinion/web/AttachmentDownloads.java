package org.lianluo.opinion.web;

import java.nio.charset.StandardCharsets;

import org.lianluo.platform.Attachments;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored file as a download, with the type found in its content and its name in UTF-8. */
final class AttachmentDownloads {

	private AttachmentDownloads() {
	}

	static ResponseEntity<byte[]> of(Attachments.Attachment a, byte[] content) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(a.filename(), StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType(a.contentType()))
			.body(content);
	}
}
