package com.aegisspeed.anticheat;

import com.aegisspeed.testsupport.GracefulShutdownContract;

class GracefulShutdownTest extends GracefulShutdownContract {
}
