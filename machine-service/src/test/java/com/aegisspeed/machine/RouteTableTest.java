package com.aegisspeed.machine;

import com.aegisspeed.testsupport.RouteTableContract;

class RouteTableTest extends RouteTableContract {
}
