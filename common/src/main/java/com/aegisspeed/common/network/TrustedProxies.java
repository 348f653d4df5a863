package com.aegisspeed.common.network;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The peers whose forwarding headers ({@code X-Forwarded-For}, a configured client-address header) are believed:
 * {@code aegis.trusted-proxies}, a comma-separated list of CIDR blocks (loopback by default, where the gateway runs
 * under {@code bin/run}). A header from any other peer is whatever that peer chose to write, so the peer itself is
 * the client.
 */
@Singleton
public class TrustedProxies {

    /** IPv4 dotted quads and IPv6 hex groups only: a host name must never trigger a DNS lookup here. */
    private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<Block> blocks;

    private record Block(byte[] network, int prefixLength) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int hostBits = network.length * 8 - prefixLength;
            return new BigInteger(1, address).shiftRight(hostBits).equals(new BigInteger(1, network).shiftRight(hostBits));
        }
    }

    public TrustedProxies(@Value("${aegis.trusted-proxies:127.0.0.0/8,::1/128}") String cidrs) {
        this.blocks = Arrays.stream(cidrs.split(","))
                .map(String::trim)
                .filter(cidr -> !cidr.isEmpty())
                .map(TrustedProxies::block)
                .toList();
    }

    /** Whether {@code peer} (an address literal, as a socket reports it) is a trusted proxy. */
    public boolean trusts(@Nullable String peer) {
        byte[] address = literal(peer);
        return address != null && blocks.stream().anyMatch(block -> block.contains(address));
    }

    private static Block block(String cidr) {
        int slash = cidr.indexOf('/');
        byte[] network = literal(slash < 0 ? cidr : cidr.substring(0, slash));
        if (network == null) {
            throw new IllegalArgumentException("aegis.trusted-proxies: not an address block: " + cidr);
        }
        int length = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
        if (length < 0 || length > network.length * 8) {
            throw new IllegalArgumentException("aegis.trusted-proxies: prefix length out of range: " + cidr);
        }
        return new Block(network, length);
    }

    @Nullable
    private static byte[] literal(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        int zone = bare.indexOf('%');
        bare = zone < 0 ? bare : bare.substring(0, zone);
        if (bare.isEmpty() || !ADDRESS_LITERAL.matcher(bare).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(bare).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
