package org.lianluo.duty;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The duty points scheme, configurable under {@code lianluo.duty.points.*}: points per attended activity
 * by type ({@code activity.RECEPTION: 3} is the points per reception), per contact, per opinion received, per
 * proposal led and per co-signature.
 */
@ConfigurationProperties("lianluo.duty")
public record DutyProperties(Points points) {

	public DutyProperties {
		points = points == null ? new Points(null, null, null, null, null) : points;
	}

	public record Points(Map<ActivityType, Integer> activity, Integer contact, Integer opinion, Integer proposal,
			Integer cosignature) {

		@ConstructorBinding
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
			proposal = proposal == null ? 3 : proposal;
			cosignature = cosignature == null ? 1 : cosignature;
		}

		/** The scheme before proposals counted: proposals 3, co-signatures 1. */
		public Points(Map<ActivityType, Integer> activity, Integer contact, Integer opinion) {
			this(activity, contact, opinion, null, null);
		}
	}
}
