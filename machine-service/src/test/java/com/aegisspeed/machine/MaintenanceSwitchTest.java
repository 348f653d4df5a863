package com.aegisspeed.machine;

import com.aegisspeed.testsupport.MaintenanceSwitchContract;

class MaintenanceSwitchTest extends MaintenanceSwitchContract {
}
