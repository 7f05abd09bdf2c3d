package org.lianluo.station;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lianluo.station.portal-base-url}: the address citizens reach the portal at, printed into the
 * QR codes (for example {@code https://lianluo.bsrd.gov.cn}); when unset, the address of the request.
 */
@ConfigurationProperties("lianluo.station")
public record StationProperties(String portalBaseUrl) {
}
