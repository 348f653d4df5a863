package com.aegisspeed.gateway;

import com.aegisspeed.testsupport.EnvelopeContract;

class EnvelopeTest extends EnvelopeContract {
}
