package com.aegisspeed.user;

import com.aegisspeed.testsupport.RouteTableContract;

class RouteTableTest extends RouteTableContract {
}
