package com.aegisspeed.gateway;

import com.aegisspeed.testsupport.GracefulShutdownContract;

class GracefulShutdownTest extends GracefulShutdownContract {
}
