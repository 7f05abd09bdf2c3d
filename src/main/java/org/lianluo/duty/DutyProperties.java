package org.lianluo.duty;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The duty points scheme, configurable under {@code lianluo.duty.points.*}: points per attended activity
 * by type ({@code activity.RECEPTION: 3}), per contact and per opinion received.
 */
@ConfigurationProperties("lianluo.duty")
public record DutyProperties(Points points) {

	public DutyProperties {
		points = points == null ? new Points(null, null, null) : points;
	}

	public record Points(Map<ActivityType, Integer> activity, Integer contact, Integer opinion) {

		public Points {
			Map<ActivityType, Integer> a = new EnumMap<>(ActivityType.class);
			for (ActivityType type : ActivityType.values()) {
				a.put(type, 2);
			}
			a.put(ActivityType.RECEPTION, 3);
			a.put(ActivityType.COMMITTEE_ATTENDANCE, 3);
			a.put(ActivityType.TRAINING, 1);
			if (activity != null) {
				a.putAll(activity);
			}
			activity = Map.copyOf(a);
			contact = contact == null ? 1 : contact;
			opinion = opinion == null ? 1 : opinion;
		}
	}
}
