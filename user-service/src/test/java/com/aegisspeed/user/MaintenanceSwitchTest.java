package com.aegisspeed.user;

import com.aegisspeed.testsupport.MaintenanceSwitchContract;

class MaintenanceSwitchTest extends MaintenanceSwitchContract {
}
