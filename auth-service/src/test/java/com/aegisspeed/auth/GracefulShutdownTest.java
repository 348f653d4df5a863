package com.aegisspeed.auth;

import com.aegisspeed.testsupport.GracefulShutdownContract;

class GracefulShutdownTest extends GracefulShutdownContract {
}
