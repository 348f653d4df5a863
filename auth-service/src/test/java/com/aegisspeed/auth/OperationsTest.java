package com.aegisspeed.auth;

import com.aegisspeed.testsupport.OperationsContract;

class OperationsTest extends OperationsContract {
}
