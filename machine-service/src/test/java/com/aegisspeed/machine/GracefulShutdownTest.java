package com.aegisspeed.machine;

import com.aegisspeed.testsupport.GracefulShutdownContract;

class GracefulShutdownTest extends GracefulShutdownContract {
}
