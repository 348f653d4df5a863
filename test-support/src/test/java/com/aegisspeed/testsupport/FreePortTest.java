package com.aegisspeed.testsupport;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ports a suite's services are told to listen on. A port is checked free but taken only when its service binds
 * it, so drawing at random alone hands the same port out twice now and then (among 600 draws, almost surely).
 */
class FreePortTest {

    @Test
    void noPortIsHandedOutTwiceInOneJvmEvenBeforeAnyoneBindsIt() {
        Set<Integer> handedOut = new HashSet<>();
        for (int i = 0; i < 600; i++) {
            int port = ServiceProcess.freePort();
            assertTrue(handedOut.add(port), "port " + port + " handed out twice, the second time after "
                    + handedOut.size() + " others");
        }
    }
}
