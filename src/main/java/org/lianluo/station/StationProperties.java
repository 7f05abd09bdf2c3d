package org.lianluo.station;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lianluo.station.portal-base-url}: the address citizens reach the portal at, printed into the
 * QR codes (for example {@code https://lianluo.bsrd.gov.cn}); when unset, {@code lianluo.public-url}
 * ({@code LIANLUO_PUBLIC_URL}, by default {@code http://localhost:8080}). Never the request's own address:
 * a forged {@code Host} header must not end up on a printed code.
 */
@ConfigurationProperties("lianluo.station")
public record StationProperties(String portalBaseUrl) {
}
