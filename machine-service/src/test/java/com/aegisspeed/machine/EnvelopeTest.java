package com.aegisspeed.machine;

import com.aegisspeed.testsupport.EnvelopeContract;

class EnvelopeTest extends EnvelopeContract {
}
