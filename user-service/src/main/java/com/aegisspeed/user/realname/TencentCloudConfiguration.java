package com.aegisspeed.user.realname;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.time.Duration;

/**
 * Tencent Cloud's identity verification (faceid, action IdCardVerification), when
 * {@code aegis.real-name.provider=tencent-cloud}: the endpoint, the API key pair (from the environment only) and
 * how long a check may take.
 */
@ConfigurationProperties("aegis.real-name.tencent-cloud")
public record TencentCloudConfiguration(
        @Bindable(defaultValue = "https://faceid.tencentcloudapi.com") URI endpoint,
        @Bindable(defaultValue = "") String secretId,
        @Bindable(defaultValue = "") String secretKey,
        @Bindable(defaultValue = "3s") Duration timeout) {
}
