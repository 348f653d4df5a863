package com.aegisspeed.machine;

import com.aegisspeed.testsupport.ReadinessFollowsDatabaseContract;

class ReadinessFollowsDatabaseTest extends ReadinessFollowsDatabaseContract {
}
