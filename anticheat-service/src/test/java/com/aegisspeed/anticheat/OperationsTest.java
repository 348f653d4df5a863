package com.aegisspeed.anticheat;

import com.aegisspeed.testsupport.OperationsContract;

class OperationsTest extends OperationsContract {
}
