package com.aegisspeed.auth;

import com.aegisspeed.testsupport.EmbeddedDefaultsContract;

class EmbeddedH2MigrationTest extends EmbeddedDefaultsContract {
}
