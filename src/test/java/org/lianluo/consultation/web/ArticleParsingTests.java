package org.lianluo.consultation.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lianluo.consultation.Consultation.Article;

class ArticleParsingTests {

	@Test
	void splitsAPastedDraftAtEachArticle() {
		String body = """
				百色市农村生活垃圾治理条例（草案）
				第一条 为了加强农村生活垃圾治理，制定本条例。
				第二条 本条例适用于本市行政区域内
				农村生活垃圾治理。
				第十条　附则。
				""";
		assertThat(ConsultationScreens.articles(body)).containsExactly(new Article(1, "为了加强农村生活垃圾治理，制定本条例。"),
				new Article(2, "本条例适用于本市行政区域内\n农村生活垃圾治理。"), new Article(3, "附则。"));
	}
}
