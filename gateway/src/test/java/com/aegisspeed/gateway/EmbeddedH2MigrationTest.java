package com.aegisspeed.gateway;

import com.aegisspeed.testsupport.EmbeddedDefaultsContract;

class EmbeddedH2MigrationTest extends EmbeddedDefaultsContract {
}
