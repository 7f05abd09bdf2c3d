package org.lianluo.consultation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A draft put out for comment, with its articles (第一条 …) and the window in which comments are taken. */
public record Consultation(UUID id, String title, String issuer, String regionCode, LocalDate opensOn,
		LocalDate closesOn, Status status, List<Article> articles) {

	public boolean openOn(LocalDate day) {
		return status == Status.PUBLISHED && !day.isBefore(opensOn) && !day.isAfter(closesOn);
	}

	public boolean hasArticle(int number) {
		return articles.stream().anyMatch(a -> a.number() == number);
	}

	public enum Status {
		DRAFT, PUBLISHED
	}

	public record Article(int number, String text) {
	}
}
