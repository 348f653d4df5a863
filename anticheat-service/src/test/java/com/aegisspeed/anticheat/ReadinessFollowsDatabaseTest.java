package com.aegisspeed.anticheat;

import com.aegisspeed.testsupport.ReadinessFollowsDatabaseContract;

class ReadinessFollowsDatabaseTest extends ReadinessFollowsDatabaseContract {
}
