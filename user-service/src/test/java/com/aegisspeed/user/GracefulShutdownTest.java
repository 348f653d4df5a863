package com.aegisspeed.user;

import com.aegisspeed.testsupport.GracefulShutdownContract;

class GracefulShutdownTest extends GracefulShutdownContract {
}
