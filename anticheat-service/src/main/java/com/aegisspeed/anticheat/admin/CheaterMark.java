package com.aegisspeed.anticheat.admin;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** A user's current cheater mark; lifting it deletes the row (the history keeps both events). */
@MappedEntity("cheater_marks")
public record CheaterMark(
        @Id String userPublicId,
        String reason,
        String markedBy,
        LocalDateTime markedAt) {
}
