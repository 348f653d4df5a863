package com.aegisspeed.user.bootstrap;

import com.aegisspeed.common.identity.Emails;
import com.aegisspeed.common.identity.IdNumbers;
import com.aegisspeed.common.identity.Phones;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.user.account.DuplicateUserException;
import com.aegisspeed.user.account.UserAccount;
import com.aegisspeed.user.account.UserAccountRepository;
import com.aegisspeed.user.directory.UserDirectory;
import com.aegisspeed.common.identity.PasswordPolicy;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Creates the first super-admin at a start that finds none (docs/api-auth-user.md), from
 * {@code aegis.bootstrap-admin.*}. A generated password is never logged: it is kept in {@value #PASSWORD_FILE}
 * under the data folder, readable only by the service's user, where an operator finds it after any number of
 * restarts. Replicas starting together race on the unique keys; the loser leaves the winner's admin alone.
 */
@Singleton
public class FirstSuperAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(FirstSuperAdmin.class);
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_PASSWORD_LENGTH = 20;
    static final String PASSWORD_FILE = "first-super-admin";

    private final BootstrapAdminConfiguration configuration;
    private final UserAccountRepository users;
    private final UserDirectory directory;
    private final PasswordPolicy passwordPolicy;
    private final Clock clock;
    private final Path dataDir;

    public FirstSuperAdmin(BootstrapAdminConfiguration configuration, UserAccountRepository users,
                           UserDirectory directory, PasswordPolicy passwordPolicy, Clock clock,
                           @Value("${aegis.data-dir}") String dataDir) {
        this.configuration = configuration;
        this.users = users;
        this.directory = directory;
        this.passwordPolicy = passwordPolicy;
        this.clock = clock;
        this.dataDir = Path.of(dataDir).toAbsolutePath();
    }

    @EventListener
    public void onStartup(StartupEvent event) {
        if (users.existsWithRole(Role.SUPER_ADMIN)) {
            return;
        }
        validate();
        boolean generated = configuration.password() == null || configuration.password().isEmpty();
        String password = generated ? generatePassword() : configuration.password();
        // Written before the admin exists, so that no crash can leave an admin whose password nobody knows.
        Path pending = generated ? writeOwnerOnly(null, "password=" + password + "\n") : null;
        try {
            UserAccount admin = directory.create(configuration.userId(), configuration.userName(),
                    configuration.phoneNumber(), configuration.email(), password, Role.SUPER_ADMIN, "");
            if (generated) {
                Path file = dataDir.resolve(PASSWORD_FILE);
                writeOwnerOnly(pending, "aegisspeed_id=" + admin.aegisSpeedId() + "\npassword=" + password + "\n");
                Files.move(pending, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                LOG.warn("Created the first super-admin {} with a generated password, kept in {} (readable only by "
                        + "this user; change it with /user/info/modify_user_password)", admin.aegisSpeedId(), file);
            } else {
                LOG.info("Created the first super-admin {} with the password from AEGIS_BOOTSTRAP_ADMIN_PASSWORD",
                        admin.aegisSpeedId());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the first super-admin's generated password in " + dataDir, e);
        } catch (DuplicateUserException e) {
            deletePending(pending);
            LOG.info("First super-admin not created: its {} is already taken (another replica created it, "
                    + "or a user holds it)", e.key());
        } catch (RuntimeException e) {
            deletePending(pending);
            throw e;
        }
    }

    private void validate() {
        require(IdNumbers.isValid(configuration.userId(), LocalDate.now(clock)), "AEGIS_BOOTSTRAP_ADMIN_USER_ID is not a valid ID number");
        require(configuration.userName() != null && !configuration.userName().isBlank()
                && configuration.userName().length() <= 64, "AEGIS_BOOTSTRAP_ADMIN_NAME must be 1 to 64 characters");
        require(Phones.isValid(configuration.phoneNumber()), "AEGIS_BOOTSTRAP_ADMIN_PHONE is not a valid mobile number");
        require(Emails.isValid(configuration.email()), "AEGIS_BOOTSTRAP_ADMIN_EMAIL is not a valid e-mail address");
        require(configuration.password() == null || configuration.password().isEmpty()
                || passwordPolicy.accepts(configuration.password()),
                "AEGIS_BOOTSTRAP_ADMIN_PASSWORD must be 8 to 128 characters and not a common password");
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException("Cannot create the first super-admin: " + problem);
        }
    }

    /** Writes {@code content} to {@code file}, or to a new file in the data folder when null, readable only by its owner. */
    private Path writeOwnerOnly(Path file, String content) {
        try {
            Path target = file;
            if (target == null) {
                Files.createDirectories(dataDir);
                try {
                    target = Files.createTempFile(dataDir, PASSWORD_FILE + ".", ".pending",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    LOG.warn("Cannot restrict file permissions in {} on this file system", dataDir);
                    target = Files.createTempFile(dataDir, PASSWORD_FILE + ".", ".pending");
                }
            }
            Files.writeString(target, content, StandardCharsets.UTF_8);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the first super-admin's generated password in " + dataDir, e);
        }
    }

    private static void deletePending(Path pending) {
        if (pending != null) {
            try {
                Files.deleteIfExists(pending);
            } catch (IOException e) {
                LOG.warn("Cannot delete {}, which holds a password no account has", pending);
            }
        }
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(GENERATED_PASSWORD_LENGTH);
        for (int i = 0; i < GENERATED_PASSWORD_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
