package com.aegisspeed.auth;

import com.aegisspeed.testsupport.RouteTableContract;

class RouteTableTest extends RouteTableContract {
}
