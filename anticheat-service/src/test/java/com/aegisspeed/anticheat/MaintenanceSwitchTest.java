package com.aegisspeed.anticheat;

import com.aegisspeed.testsupport.MaintenanceSwitchContract;

class MaintenanceSwitchTest extends MaintenanceSwitchContract {
}
