package com.aegisspeed.auth;

import com.aegisspeed.testsupport.MaintenanceSwitchContract;

class MaintenanceSwitchTest extends MaintenanceSwitchContract {
}
