package org.lianluo.notification.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lianluo.opinion.OpinionManagement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The link of the feedback SMS to the rating page, with the citizen's rating key (API.md): made when the SMS is
 * sent, from the opinion's tracking code, so that the key is never stored with the delivery nor shown on the
 * delivery pages.
 */
@Component
class RatingLinks {

	static final String TEMPLATE = "citizen-fed-back";

	private final OpinionManagement opinions;

	/** Where citizens reach Lianluo ({@code lianluo.public-url}, as the stations' QR codes): not the staff's address. */
	private final String publicUrl;

	RatingLinks(OpinionManagement opinions, @Value("${lianluo.public-url:http://localhost:8080}") String publicUrl) {
		this.opinions = opinions;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	/** The parameters to send: those stored, and for the feedback SMS its link. */
	Map<String, String> complete(String template, Map<String, String> params) {
		String code = params.get("code");
		if (!TEMPLATE.equals(template) || code == null || params.containsKey("link")) {
			return params;
		}
		return opinions.byTrackingCode(code).map(o -> {
			Map<String, String> withLink = new LinkedHashMap<>(params);
			withLink.put("link", publicUrl + "/track?code=" + code + "&key="
					+ URLEncoder.encode(opinions.ratingKey(o.getId()), StandardCharsets.UTF_8));
			return (Map<String, String>) withLink;
		}).orElse(params);
	}
}
