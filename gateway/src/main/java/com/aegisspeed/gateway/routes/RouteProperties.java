package com.aegisspeed.gateway.routes;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;

import java.util.List;

/**
 * One entry of the route table, {@code aegis.gateway.routes.<name>} in {@code application.yml}: a documented
 * public path, who owns it and what the gateway checks before handing it on.
 */
@EachProperty("aegis.gateway.routes")
public class RouteProperties {

    private final String name;
    private String path;
    private List<HttpMethod> methods = List.of();
    private String service;
    private boolean tokenRequired;
    private RouteEnvelope envelope = RouteEnvelope.STANDARD;
    private boolean flaggable = true;
    private boolean openByDefault = true;
    @Nullable
    private String clientRateLimit;
    @Nullable
    private String userRateLimit;

    public RouteProperties(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public String getPath() {
        return path;
    }

    /** The exact public path, e.g. {@code /user/login/login_user_info}. */
    public void setPath(String path) {
        this.path = path;
    }

    public List<HttpMethod> getMethods() {
        return methods;
    }

    public void setMethods(List<HttpMethod> methods) {
        this.methods = methods;
    }

    public String getService() {
        return service;
    }

    /** The owning service: {@code gateway}, {@code auth-service}, {@code user-service}, {@code machine-service}, {@code anticheat-service}. */
    public void setService(String service) {
        this.service = service;
    }

    public boolean isTokenRequired() {
        return tokenRequired;
    }

    /** Whether a valid bearer token must be presented before the request reaches the service. */
    public void setTokenRequired(boolean tokenRequired) {
        this.tokenRequired = tokenRequired;
    }

    public RouteEnvelope getEnvelope() {
        return envelope;
    }

    public void setEnvelope(RouteEnvelope envelope) {
        this.envelope = envelope;
    }

    public boolean isFlaggable() {
        return flaggable;
    }

    /** Whether operators can close it; the operator API itself cannot be closed (nobody could reopen it). */
    public void setFlaggable(boolean flaggable) {
        this.flaggable = flaggable;
    }

    public boolean isOpenByDefault() {
        return openByDefault;
    }

    /** The flag's state when the gateway first seeds it into an empty database. */
    public void setOpenByDefault(boolean openByDefault) {
        this.openByDefault = openByDefault;
    }

    @Nullable
    public String getClientRateLimit() {
        return clientRateLimit;
    }

    /** Per client address, e.g. {@code 5/s, 100/min}; unset means the default, {@code none} means no limit. */
    public void setClientRateLimit(@Nullable String clientRateLimit) {
        this.clientRateLimit = clientRateLimit;
    }

    @Nullable
    public String getUserRateLimit() {
        return userRateLimit;
    }

    /** Per user (token subject), same syntax; applies only to requests carrying a verified token. */
    public void setUserRateLimit(@Nullable String userRateLimit) {
        this.userRateLimit = userRateLimit;
    }
}
