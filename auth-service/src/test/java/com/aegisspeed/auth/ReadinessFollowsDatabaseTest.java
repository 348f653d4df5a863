package com.aegisspeed.auth;

import com.aegisspeed.testsupport.ReadinessFollowsDatabaseContract;

class ReadinessFollowsDatabaseTest extends ReadinessFollowsDatabaseContract {
}
