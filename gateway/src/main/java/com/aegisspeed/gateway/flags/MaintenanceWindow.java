package com.aegisspeed.gateway.flags;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;
import java.util.Locale;

/**
 * A row of {@code maintenance_windows}: one endpoint ({@code endpointPath}) or every closable endpoint of one
 * service ({@code serviceName}) closed from {@code startsAt} until {@code endsAt} (UTC), who scheduled it and,
 * once cancelled, who cancelled it.
 */
@MappedEntity("maintenance_windows")
public record MaintenanceWindow(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable String endpointPath,
        @Nullable String serviceName,
        LocalDateTime startsAt,
        LocalDateTime endsAt,
        String reason,
        String scheduledBy,
        LocalDateTime scheduledAt,
        @Nullable String cancelledBy,
        @Nullable LocalDateTime cancelledAt) {

    /** Where the window stands at {@code now}: scheduled, active, ended or cancelled. */
    public State stateAt(LocalDateTime now) {
        if (cancelledAt != null) {
            return State.CANCELLED;
        }
        if (!now.isBefore(endsAt)) {
            return State.ENDED;
        }
        return now.isBefore(startsAt) ? State.SCHEDULED : State.ACTIVE;
    }

    public enum State {
        SCHEDULED, ACTIVE, ENDED, CANCELLED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
