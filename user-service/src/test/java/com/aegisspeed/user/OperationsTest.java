package com.aegisspeed.user;

import com.aegisspeed.testsupport.OperationsContract;

class OperationsTest extends OperationsContract {
}
