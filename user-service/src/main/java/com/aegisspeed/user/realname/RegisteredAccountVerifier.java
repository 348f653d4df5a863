package com.aegisspeed.user.realname;

import com.aegisspeed.user.account.UserAccountRepository;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * The default provider, with no outside service: an ID number and name match when an account registered with
 * that ID number carries that name.
 */
@Singleton
@Requires(property = "aegis.real-name.provider", value = "local", defaultValue = "local")
public class RegisteredAccountVerifier implements IdentityVerifier {

    private final UserAccountRepository users;

    public RegisteredAccountVerifier(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    public Verdict verify(String idNumber, String name) {
        return users.findByIdNumber(idNumber)
                .map(account -> account.userName().equals(name) ? Verdict.MATCH : Verdict.MISMATCH)
                .orElse(Verdict.NO_RECORD);
    }
}
