package com.aegisspeed.anticheat;

import com.aegisspeed.testsupport.EmbeddedDefaultsContract;

class EmbeddedH2MigrationTest extends EmbeddedDefaultsContract {
}
