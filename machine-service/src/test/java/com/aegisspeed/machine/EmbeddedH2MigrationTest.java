package com.aegisspeed.machine;

import com.aegisspeed.testsupport.EmbeddedDefaultsContract;

class EmbeddedH2MigrationTest extends EmbeddedDefaultsContract {
}
