package com.aegisspeed.user.realname;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** TC3-HMAC-SHA256 as other implementations compute it: a request signed elsewhere with the same inputs. */
class Tc3SignerTest {

    @Test
    void signsAsAnIndependentImplementationDoesForTheSameRequest() {
        // A DescribeEKSContainerInstances call to tke.tencentcloudapi.com at 2023-11-14T22:13:20Z, signed by a
        // published implementation with these example credentials.
        assertEquals("TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2023-11-14/tke/tc3_request, "
                        + "SignedHeaders=content-type;host;x-tc-action, "
                        + "Signature=e8a6d7c1f590277205e413c34aa3ff8955bfae2ceab10f02c14e394ea18b791e",
                Tc3Signer.authorization("AKIDEXAMPLE", "SECRETKEYEXAMPLE", "tke", "tke.tencentcloudapi.com",
                        "DescribeEKSContainerInstances", 1_700_000_000L, "{\"Limit\":1,\"Offset\":0}"));
    }
}
