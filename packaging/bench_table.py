#!/usr/bin/env python3
"""Prints Google Benchmark JSON files as one table, with the ratios the issues ask for."""
import json
import sys

rows = {}
for path in sys.argv[1:]:
    try:
        with open(path) as f:
            data = json.load(f)
    except (OSError, ValueError):
        continue
    for b in data.get("benchmarks", []):
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        rows[b["name"]] = b

def fmt_time(b):
    t, unit = b["real_time"], b.get("time_unit", "ns")
    return f"{t:,.3f} {unit}"

print(f"{'benchmark':58} {'time per iteration':>22} {'iterations':>12}")
print("-" * 94)
for name, b in rows.items():
    extra = ""
    counters = {k: v for k, v in b.items() if k not in ("name", "run_name", "run_type", "repetitions", "repetition_index",
                "threads", "iterations", "real_time", "cpu_time", "time_unit", "family_index", "per_family_instance_index",
                "aggregate_name", "aggregate_unit", "label", "error_occurred", "error_message") and isinstance(v, (int, float))}
    if counters:
        extra = "  " + ", ".join(f"{k}={v:,.1f}" for k, v in counters.items())
    print(f"{name:58} {fmt_time(b):>22} {b.get('iterations', 0):>12}{extra}")

def ns(b):
    scale = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[b.get("time_unit", "ns")]
    return b["real_time"] * scale

pairs = [("BM_SaleCommit5Lines/real_time", "BM_BareDurableTransaction/real_time",
          "durable 5-line sale / bare durable transaction (target <= 1.5x)"),
         ("BM_SaleRowsOnly/real_time", "BM_BareDurableTransaction/real_time",
          "the sale's rows as bare SQL in one durable transaction / bare durable transaction (SQLite's floor)"),
         ("BM_SaleCommit5Lines/real_time", "BM_SaleRowsOnly/real_time",
          "durable 5-line sale / the same rows as bare SQL (the domain's share)"),
         ("BM_ReportDailySalesNaive", "BM_ReportDailySales",
          "a year of daily sales: naive scan of sale lines / summaries (target: summaries < 50 ms)"),
         ("BM_ReportMarginByCategoryNaive", "BM_ReportMarginByCategory",
          "a year of margin by category: naive scan of sale lines / summaries (target: summaries < 100 ms)"),
         ("BM_ReportStockValuationNaive", "BM_ReportStockValuation",
          "stock valuation: replaying every stock move / on-hand (target: on-hand < 20 ms)")]
for a, b, label in pairs:
    if a in rows and b in rows:
        print(f"ratio: {label}: {ns(rows[a]) / ns(rows[b]):.2f}x")
for name, b in rows.items():
    if name.startswith("BM_Report") and name.endswith("Naive"):
        pass
