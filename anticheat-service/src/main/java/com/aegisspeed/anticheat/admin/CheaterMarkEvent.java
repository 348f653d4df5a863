package com.aegisspeed.anticheat.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.LocalDateTime;

/**
 * The audit trail of marks and lifts: who ({@code actor}), when, why, on what evidence. Evidence launch
 * codes are stored comma-separated (launch codes cannot contain commas).
 */
@MappedEntity("cheater_mark_events")
public record CheaterMarkEvent(
        @Id @GeneratedValue @Nullable Long id,
        String userPublicId,
        @MappedProperty("user_aegisspeed_id") String userAegisSpeedId,
        String action,
        String reason,
        String evidenceLaunchCodes,
        String actorPublicId,
        @MappedProperty("actor_aegisspeed_id") String actorAegisSpeedId,
        LocalDateTime happenedAt) {

    static final String MARK = "mark";
    static final String UNMARK = "unmark";
}
