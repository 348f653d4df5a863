package com.aegisspeed.auth;

import com.aegisspeed.testsupport.EnvelopeContract;

class EnvelopeTest extends EnvelopeContract {
}
