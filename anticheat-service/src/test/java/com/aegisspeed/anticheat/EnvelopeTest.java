package com.aegisspeed.anticheat;

import com.aegisspeed.testsupport.EnvelopeContract;

class EnvelopeTest extends EnvelopeContract {
}
