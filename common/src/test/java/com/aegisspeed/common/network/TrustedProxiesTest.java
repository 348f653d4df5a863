package com.aegisspeed.common.network;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which peers a list of CIDR blocks trusts, at the edges of each block. */
class TrustedProxiesTest {

    private final TrustedProxies proxies = new TrustedProxies("10.0.0.0/8, 172.16.0.0/12,192.168.1.7,fc00::/7,::1/128");

    @Test
    void addressesInsideABlockAreTrustedAndTheFirstOutsideAreNot() {
        assertTrue(proxies.trusts("10.255.255.255"));
        assertFalse(proxies.trusts("11.0.0.0"));
        assertTrue(proxies.trusts("172.31.255.255"));
        assertFalse(proxies.trusts("172.32.0.0"));
        assertFalse(proxies.trusts("172.15.255.255"));
        assertTrue(proxies.trusts("fdff:ffff::1"));
        assertFalse(proxies.trusts("fe00::1"));
        assertTrue(proxies.trusts("[::1]"));
    }

    @Test
    void aBlockWithoutAPrefixIsOneAddress() {
        assertTrue(proxies.trusts("192.168.1.7"));
        assertFalse(proxies.trusts("192.168.1.8"));
    }

    @Test
    void anIpv4AddressNeverMatchesAnIpv6BlockNorAHostName() throws UnknownHostException {
        assertFalse(new TrustedProxies("::/0").trusts("127.0.0.1"));
        assertFalse(proxies.trusts("localhost"));
        assertFalse(proxies.trusts((String) null));
        assertTrue(proxies.trusts(InetAddress.getByName("10.1.2.3")));
        assertFalse(proxies.trusts((InetAddress) null));
    }

    @Test
    void aMalformedBlockIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies("proxy.example.com"));
    }
}
