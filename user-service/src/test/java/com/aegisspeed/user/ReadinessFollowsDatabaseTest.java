package com.aegisspeed.user;

import com.aegisspeed.testsupport.ReadinessFollowsDatabaseContract;

class ReadinessFollowsDatabaseTest extends ReadinessFollowsDatabaseContract {
}
