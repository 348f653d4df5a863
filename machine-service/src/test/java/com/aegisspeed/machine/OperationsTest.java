package com.aegisspeed.machine;

import com.aegisspeed.testsupport.OperationsContract;

class OperationsTest extends OperationsContract {
}
