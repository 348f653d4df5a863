package com.aegisspeed.anticheat.admin;

import com.aegisspeed.anticheat.AnticheatCodes.Admin;
import com.aegisspeed.common.envelope.Refusal;
import com.aegisspeed.common.db.DuplicateKey;
import com.aegisspeed.common.time.Utc;
import com.aegisspeed.anticheat.report.CheckLogRepository;
import com.aegisspeed.anticheat.report.CheckResults;
import com.aegisspeed.anticheat.report.ReportRules;
import com.aegisspeed.common.identity.AegisSpeedIds;
import com.aegisspeed.common.authservice.AuthInternalClient;
import com.aegisspeed.common.internal.InternalUser;
import com.aegisspeed.common.internal.UserDirectoryClient;
import com.aegisspeed.common.token.VerifiedToken;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Marks and lifts cheater marks across three owners: the mark and its audit event here, the user's state in
 * user-service, the user's tokens in auth-service. The local rows are written in a transaction kept open
 * across the remote calls, which run in the order "reversible first" (state, then the token revocation);
 * the transaction commits only after both succeeded. On any failure the transaction rolls back and a state
 * change already asked for is set back, so no half-done mark remains. A revocation that happened before a
 * failure stays (its only effect is that the user logs in again).
 */
@Singleton
public class CheaterMarkingService {

    private static final Logger LOG = LoggerFactory.getLogger(CheaterMarkingService.class);
    private static final int MAX_REASON_LENGTH = 1024;
    private static final int MAX_EVIDENCE = 20;

    private final CheaterMarkRepository marks;
    private final CheaterMarkEventRepository events;
    private final CheckLogRepository logs;
    private final UserDirectoryClient users;
    private final AuthInternalClient auth;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    public CheaterMarkingService(CheaterMarkRepository marks, CheaterMarkEventRepository events,
                                 CheckLogRepository logs, UserDirectoryClient users, AuthInternalClient auth,
                                 TransactionOperations<Connection> transactions, Clock clock) {
        this.marks = marks;
        this.events = events;
        this.logs = logs;
        this.users = users;
        this.auth = auth;
        this.transactions = transactions;
        this.clock = clock;
    }

    MarkOutcome mark(VerifiedToken admin, MarkRequest request) {
        requireAegisSpeedId(request.userAegisSpeedId());
        String reason = requireReason(request.reason());
        List<String> evidence = requireEvidenceFormat(request.evidenceLaunchCodes());
        InternalUser user = findUser(request.userAegisSpeedId());
        if (logs.countByUserPublicIdAndCheckResultInAndLaunchCodeIn(user.publicId(), CheckResults.CHEATING, evidence)
                != evidence.size()) {
            throw invalidInput(
                    "evidence_launch_codes must all be cheating records (Failed or Suspicious) of this user");
        }
        LocalDateTime now = Utc.now(clock);
        AtomicBoolean stateChangeAsked = new AtomicBoolean();
        try {
            transactions.executeWrite(status -> {
                insertMark(new CheaterMark(user.publicId(), reason, admin.subject(), now));
                events.save(new CheaterMarkEvent(null, user.publicId(), user.aegisSpeedId(), CheaterMarkEvent.MARK,
                        reason, String.join(",", evidence), admin.subject(), admin.aegisSpeedId(), now));
                stateChangeAsked.set(true);
                users.changeState(user.publicId(), InternalUser.CHEATER);
                auth.revokeTokens(user.publicId());
                return null;
            });
        } catch (RuntimeException e) {
            if (stateChangeAsked.get()) {
                restoreState(user);
            }
            throw e;
        }
        LOG.info("User {} marked as cheater by {}", user.aegisSpeedId(), admin.aegisSpeedId());
        return new MarkOutcome(user.aegisSpeedId(), true, reason, Utc.text(now));
    }

    MarkOutcome unmark(VerifiedToken admin, UnmarkRequest request) {
        requireAegisSpeedId(request.userAegisSpeedId());
        String reason = requireReason(request.reason());
        InternalUser user = findUser(request.userAegisSpeedId());
        LocalDateTime now = Utc.now(clock);
        AtomicBoolean stateChangeAsked = new AtomicBoolean();
        try {
            transactions.executeWrite(status -> {
                if (marks.deleteByUserPublicId(user.publicId()) == 0) {
                    throw new Refusal(HttpStatus.CONFLICT, Admin.MARK_CONFLICT, "User is not marked as a cheater");
                }
                events.save(new CheaterMarkEvent(null, user.publicId(), user.aegisSpeedId(), CheaterMarkEvent.UNMARK,
                        reason, "", admin.subject(), admin.aegisSpeedId(), now));
                stateChangeAsked.set(true);
                users.changeState(user.publicId(), InternalUser.ACTIVE);
                return null;
            });
        } catch (RuntimeException e) {
            if (stateChangeAsked.get()) {
                restoreState(user);
            }
            throw e;
        }
        LOG.info("Cheater mark of user {} lifted by {}", user.aegisSpeedId(), admin.aegisSpeedId());
        return new MarkOutcome(user.aegisSpeedId(), false, reason, Utc.text(now));
    }

    private void insertMark(CheaterMark mark) {
        try {
            marks.save(mark);
        } catch (RuntimeException e) {
            if (DuplicateKey.isCauseOf(e)) {
                throw new Refusal(HttpStatus.CONFLICT, Admin.MARK_CONFLICT, "User is already marked as a cheater");
            }
            throw e;
        }
    }

    /** Compensation: sets the state the user had before; if even that fails, says so loudly for an operator. */
    private void restoreState(InternalUser user) {
        try {
            users.changeState(user.publicId(), user.state());
        } catch (RuntimeException e) {
            LOG.error("User {} may be left in a state other than '{}' in user-service after a failed (un)mark: {}",
                    user.aegisSpeedId(), user.state(), e.getMessage());
        }
    }

    private InternalUser findUser(String aegisSpeedId) {
        return users.findByAegisSpeedId(aegisSpeedId)
                .orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, Admin.USER_NOT_FOUND, "User does not exist"));
    }

    static void requireAegisSpeedId(String aegisSpeedId) {
        if (!AegisSpeedIds.isValid(aegisSpeedId)) {
            throw invalidInput("Invalid AegisSpeed ID");
        }
    }

    private static String requireReason(String reason) {
        if (reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            throw invalidInput("Invalid reason: 1 to " + MAX_REASON_LENGTH + " characters, not blank");
        }
        return reason.strip();
    }

    private static List<String> requireEvidenceFormat(List<String> launchCodes) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(launchCodes.stream()
                .map(code -> code == null ? "" : code).toList()));
        if (distinct.isEmpty() || distinct.size() > MAX_EVIDENCE || !distinct.stream().allMatch(ReportRules::isLaunchCode)) {
            throw invalidInput("Invalid evidence_launch_codes: 1 to " + MAX_EVIDENCE + " launch codes");
        }
        return distinct;
    }

    private static Refusal invalidInput(String text) {
        return new Refusal(HttpStatus.BAD_REQUEST, Admin.INVALID_INPUT, text);
    }
}
