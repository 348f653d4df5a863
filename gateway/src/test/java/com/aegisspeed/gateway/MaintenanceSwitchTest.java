package com.aegisspeed.gateway;

import com.aegisspeed.testsupport.MaintenanceSwitchContract;

class MaintenanceSwitchTest extends MaintenanceSwitchContract {
}
