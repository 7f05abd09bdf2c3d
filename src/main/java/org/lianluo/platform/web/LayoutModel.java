package org.lianluo.platform.web;

import java.util.Map;

/**
 * What a module puts into the model of every rendered screen for the layout (the signed-in user, the unread
 * count). Called only when a page is rendered, after the handler: API calls and redirects never pay for it,
 * which a {@code @ModelAttribute} advice would make them do.
 */
public interface LayoutModel {

	void addTo(Map<String, Object> model);
}
