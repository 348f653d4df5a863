package com.aegisspeed.common.network;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

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

    /** A CIDR block as its network bytes and the mask of its prefix, both computed once. */
    private record Block(byte[] network, byte[] mask) {

        static Block of(byte[] address, int prefixLength) {
            byte[] mask = new byte[address.length];
            for (int bit = 0; bit < prefixLength; bit++) {
                mask[bit / 8] |= (byte) (0x80 >>> (bit % 8));
            }
            byte[] network = new byte[address.length];
            for (int i = 0; i < address.length; i++) {
                network[i] = (byte) (address[i] & mask[i]);
            }
            return new Block(network, mask);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int i = 0; i < address.length; i++) {
                if ((address[i] & mask[i]) != network[i]) {
                    return false;
                }
            }
            return true;
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
        return trusts(literal(peer));
    }

    /** Whether the peer a socket reports is a trusted proxy, without formatting and parsing its address again. */
    public boolean trusts(@Nullable InetAddress peer) {
        return peer != null && trusts(peer.getAddress());
    }

    private boolean trusts(@Nullable byte[] address) {
        if (address == null) {
            return false;
        }
        for (Block block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
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
        return Block.of(network, length);
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
