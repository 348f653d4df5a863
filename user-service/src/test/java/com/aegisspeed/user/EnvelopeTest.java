package com.aegisspeed.user;

import com.aegisspeed.testsupport.EnvelopeContract;

class EnvelopeTest extends EnvelopeContract {
}
