package org.lianluo.proposal.web;

import java.nio.charset.StandardCharsets;

import org.lianluo.platform.Attachments;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Files of the proposal loop as downloads: their type as found in their content, their name in UTF-8. */
final class ProposalDownloads {

	static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private ProposalDownloads() {
	}

	static ResponseEntity<byte[]> of(Attachments.Attachment a, byte[] content) {
		return of(a.filename(), MediaType.parseMediaType(a.contentType()), content);
	}

	static ResponseEntity<byte[]> of(String filename, MediaType type, byte[] content) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.contentType(type)
			.body(content);
	}
}
