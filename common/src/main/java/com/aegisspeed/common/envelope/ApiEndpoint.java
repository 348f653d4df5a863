package com.aegisspeed.common.envelope;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares what the shared error handling needs to know about a public endpoint: the envelope shape
 * its errors take and the business codes it documents for a server fault (e.g. {@code 10009} for
 * registration, {@code 10004} for login) and for "endpoint not open" (e.g. {@code 10008}, {@code 10003}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ApiEndpoint {

    /** The endpoint's documented "server internal error" code. */
    String internalErrorCode();

    /** The endpoint's documented "Server has not opened this endpoint" code, answered with 403. */
    String notOpenCode();

    /** The envelope shape of the endpoint's responses. */
    Envelope envelope() default Envelope.STANDARD;

    /** The code a missing, invalid, expired or revoked token answers (HTTP 401); {@code 10001} on every documented endpoint. */
    String tokenInvalidCode() default "10001";

    /**
     * The code a valid token without the role the endpoint's {@code @Secured} asks for answers; empty where no
     * role is asked for (then such a token is refused as an invalid one).
     */
    String roleRefusedCode() default "";

    /** The HTTP status of that refusal: 403, or 401 where the contract documents it so. */
    int roleRefusedStatus() default 403;

    /** The text of that refusal. */
    String roleRefusedText() default "This account may not use this endpoint";
}
