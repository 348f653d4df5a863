#!/usr/bin/env python3
"""Writes the Grafana dashboards in deploy/k8s/monitoring/dashboards/: one per service and one for the gateway.

Edit the panels here and run `python3 deploy/scripts/grafana-dashboards.py` from the repository root; the JSON
files are generated, committed, and checked by system-tests' ObservabilityTest: every metric they name must be
exported by the running service on its management port (/prometheus).
"""
import json
import pathlib

OUT = pathlib.Path(__file__).resolve().parent.parent / "k8s" / "monitoring" / "dashboards"
SERVICES = ["auth-service", "user-service", "machine-service", "anticheat-service"]


def panel(title, exprs, unit="short", description=""):
    """A time series panel; exprs is a list of (PromQL, legend)."""
    return {
        "type": "timeseries",
        "title": title,
        "description": description,
        "datasource": {"type": "prometheus", "uid": "${datasource}"},
        "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
        "options": {"legend": {"displayMode": "table", "placement": "bottom"}},
        "targets": [
            {"refId": chr(ord("A") + i), "expr": expr, "legendFormat": legend}
            for i, (expr, legend) in enumerate(exprs)
        ],
    }


def percentiles(bucket, by, selector):
    return [(f"histogram_quantile({q}, sum by (le, {by}) (rate({bucket}{{{selector}}}[5m])))",
             f"p{int(q * 100)} {{{{{by}}}}}") for q in (0.5, 0.95, 0.99)]


def jvm_and_pool(job):
    sel = f'job="{job}"'
    return [
        panel("Database pool: connections in use of the maximum", [
            (f"sum by (pod) (hikaricp_connections_active{{{sel}}})", "in use {{pod}}"),
            (f"sum by (pod) (hikaricp_connections_max{{{sel}}})", "maximum {{pod}}"),
            (f"sum by (pod) (hikaricp_connections_pending{{{sel}}})", "waiting {{pod}}"),
        ], description="AEGIS_DB_POOL_SIZE per pod; threads waiting for a connection mean the pool is saturated."),
        panel("Database pool: connection timeouts per second", [
            (f"sum by (pod) (rate(hikaricp_connections_timeout_total{{{sel}}}[5m]))", "{{pod}}"),
        ], unit="reqps"),
        panel("JVM memory used", [
            (f"sum by (pod, area) (jvm_memory_used_bytes{{{sel}}})", "{{area}} {{pod}}"),
            (f"sum by (pod) (jvm_memory_max_bytes{{{sel}, area=\"heap\"}})", "heap max {{pod}}"),
        ], unit="bytes"),
        panel("GC pause time (share of wall-clock time) and collections per second", [
            (f"sum by (pod) (rate(jvm_gc_pause_seconds_sum{{{sel}}}[5m]))", "pause share {{pod}}"),
            (f"sum by (pod) (rate(jvm_gc_pause_seconds_count{{{sel}}}[5m]))", "collections/s {{pod}}"),
        ]),
        panel("Scrape up (1) or down (0)", [(f"up{{{sel}}}", "{{pod}}")]),
    ]


def service_dashboard(job):
    sel = f'job="{job}"'
    panels = [
        panel("Request rate by route", [
            (f"sum by (uri) (rate(http_server_requests_seconds_count{{{sel}}}[5m]))", "{{uri}}"),
        ], unit="reqps"),
        panel("Error rate: share of 5xx answers", [
            (f"sum(rate(http_server_requests_seconds_count{{{sel}, status=~\"5..\"}}[5m]))"
             f" / sum(rate(http_server_requests_seconds_count{{{sel}}}[5m]))", "5xx share"),
        ], unit="percentunit"),
        panel("Latency percentiles by route",
              percentiles("http_server_requests_seconds_bucket", "uri", sel), unit="s"),
        panel("429 answers by route (overload, lockouts)", [
            (f"sum by (uri) (rate(http_server_requests_seconds_count{{{sel}, status=\"429\"}}[5m]))", "{{uri}}"),
        ], unit="reqps"),
    ]
    if job == "auth-service":
        panels.append(panel("Login lockouts: attempts refused while an account or address is locked", [
            ('sum by (route) (rate(aegis_refusals_total{job="auth-service", status="429", route=~"/user/login.*"}[5m]))',
             "{{route}}"),
        ], unit="reqps"))
        panels.append(panel("Refusals by route and code", [
            (f"sum by (route, status, code) (rate(aegis_refusals_total{{{sel}}}[5m]))", "{{route}} {{status}} {{code}}"),
        ], unit="reqps"))
    panels += jvm_and_pool(job)
    return dashboard(f"AegisSpeed / {job}", f"aegis-{job}", panels)


def gateway_dashboard():
    sel = 'job="gateway"'
    panels = [
        panel("Request rate by route", [
            (f"sum by (route) (rate(aegis_gateway_requests_seconds_count{{{sel}}}[5m]))", "{{route}}"),
        ], unit="reqps"),
        panel("Error rate by route: share of 5xx answers", [
            (f"sum by (route) (rate(aegis_gateway_requests_seconds_count{{{sel}, status=~\"5..\"}}[5m]))"
             f" / sum by (route) (rate(aegis_gateway_requests_seconds_count{{{sel}}}[5m]))", "{{route}}"),
        ], unit="percentunit"),
        panel("Latency percentiles by route",
              percentiles("aegis_gateway_requests_seconds_bucket", "route", sel), unit="s"),
        panel("429 answers by route (rate limits, lockouts, overload)", [
            (f"sum by (route) (rate(aegis_gateway_requests_seconds_count{{{sel}, status=\"429\"}}[5m]))", "{{route}}"),
        ], unit="reqps"),
        panel("Login lockouts (auth-service)", [
            ('sum(rate(aegis_refusals_total{job="auth-service", status="429", route=~"/user/login.*"}[5m]))',
             "lockout refusals"),
        ], unit="reqps"),
        panel("Endpoints closed by an operator", [
            (f"max(aegis_gateway_endpoints_closed{{{sel}}})", "closed routes"),
        ]),
        panel("Circuit breakers open (1) or closed (0), by service", [
            (f"max by (upstream) (aegis_gateway_breaker_open{{{sel}}})", "{{upstream}}"),
        ]),
    ]
    panels += jvm_and_pool("gateway")
    return dashboard("AegisSpeed / gateway", "aegis-gateway", panels)


def dashboard(title, uid, panels):
    for i, p in enumerate(panels):
        p["id"] = i + 1
        p["gridPos"] = {"h": 8, "w": 12, "x": (i % 2) * 12, "y": (i // 2) * 8}
    return {
        "title": title,
        "uid": uid,
        "tags": ["aegisspeed"],
        "timezone": "utc",
        "schemaVersion": 39,
        "refresh": "30s",
        "time": {"from": "now-6h", "to": "now"},
        "templating": {"list": [
            {"name": "datasource", "type": "datasource", "query": "prometheus", "label": "Prometheus"},
        ]},
        "panels": panels,
    }


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    boards = {"gateway": gateway_dashboard()}
    boards.update({job: service_dashboard(job) for job in SERVICES})
    for name, board in boards.items():
        (OUT / f"{name}.json").write_text(json.dumps(board, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
