package com.aegisspeed.gateway;

import com.aegisspeed.testsupport.ReadinessFollowsDatabaseContract;

class ReadinessFollowsDatabaseTest extends ReadinessFollowsDatabaseContract {
}
