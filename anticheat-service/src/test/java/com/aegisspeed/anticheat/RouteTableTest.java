package com.aegisspeed.anticheat;

import com.aegisspeed.testsupport.RouteTableContract;

class RouteTableTest extends RouteTableContract {
}
