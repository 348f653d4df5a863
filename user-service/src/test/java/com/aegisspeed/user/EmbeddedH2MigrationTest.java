package com.aegisspeed.user;

import com.aegisspeed.testsupport.EmbeddedDefaultsContract;

class EmbeddedH2MigrationTest extends EmbeddedDefaultsContract {
}
