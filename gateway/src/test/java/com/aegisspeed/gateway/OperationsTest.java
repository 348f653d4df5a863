package com.aegisspeed.gateway;

import com.aegisspeed.testsupport.OperationsContract;

class OperationsTest extends OperationsContract {

    @Override
    protected boolean readinessNeedsDatabase() {
        return false;
    }
}
