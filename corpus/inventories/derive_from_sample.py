#!/usr/bin/env python3
"""Writes amlogic.json (schema fdfkit-inventory/1) from the facts of ../shared/docs/inventory-sample.json.

Facts taken from the sample: drivers, the boards listing them (vim3, av400), the banjo protocols
each declares, which it serves (DDK mixins), driver-transport successors, and the candidate
colocation groups graded high/medium/low (the unverified platform-bus group is left out: each of
its members gets a host of its own). Chosen for this project: teams (the source directory),
effort (banjo protocols referenced, at least 1), aml-sdmmc's three instances (eMMC, SD, SDIO; the
SDIO one shares the Wi-Fi host), gpio-core as a dual binary (it binds both flavours), and a third
board, `fdfkit-devboard`, that reuses the GPIO, SD/MMC and ethernet drivers in other host shapes,
and a fourth, `fdfkit-mediabox`, written for this project too: a display and USB box that shares the
display, USB, GPIO and I2C drivers with vim3 and holds two I2C controllers and two SD hosts, so that
split hosts (duplication) and host groups matter on a second board.
Run: python3 derive_from_sample.py ../../../shared/docs/inventory-sample.json > amlogic.json
"""
import json
import os
import sys

sample = json.load(open(sys.argv[1]))
protocol_ids = [p["id"] for p in sample["protocols"]]


# Where the sample knows the successor's transport, that; otherwise the choice migrate-protocol's
# default rules make (rules/migrate-protocol.json: Fuchsia's consumer-facing libraries on channels,
# the rest on the driver transport), so the plan and the clones agree.
RULES = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                   "../../rules/migrate-protocol.json")))


def transport(p):
    t = ((p.get("successor") or {}).get("transport") or "").lower()
    if t.startswith("driver"):
        return "driver"
    if t.startswith("channel"):
        return "channel"
    rule = RULES["libraries"].get(p["id"], {})
    return rule.get("transport", RULES["defaults"]["transport"])


def protocol_of(text):
    best = ""
    for pid in protocol_ids:
        if (text == pid or text.startswith(pid + " ") or text.startswith(pid + "/")) and len(pid) > len(best):
            best = pid
    return best or None


def team_of(build_file):
    parts = build_file.split("/")  # src/devices/<team>/... or src/<area>/...
    return parts[2] if build_file.startswith("src/devices/") else parts[1]


def successor_dep(protocol, declared):
    """The driver depends on the driver-transport library that replaces `protocol`."""
    replacement = protocol.replace("wlanphyimpl", "wlan.phyimpl")
    return any(dep.startswith(replacement) for dep in declared)


drivers = []
boards_of = {}
for d in sample["drivers"]:
    banjo = [p for p in d["declared_deps"]["banjo"] if p in protocol_ids]
    serves = sorted({protocol_of(s["protocol"]) for s in d["serves"] if s["transport"] == "banjo"} - {None})
    serves = [p for p in serves if p in banjo]
    consumes = [p for p in banjo if p not in serves]
    driver_fidl = set(d["declared_deps"].get("fidl_driver_transport", []))
    status = "banjo" if banjo else "ported"
    if any(successor_dep(p, driver_fidl) for p in banjo):
        status = "dual"
    drivers.append({
        "id": d["id"],
        "team": team_of(d["build_file"]),
        "effort": max(1, len(banjo)),
        "status": status,
        "dual_binary": d["id"] == "gpio-core",
        "serves": serves,
        "consumes": consumes,
    })
    boards_of[d["id"]] = [b for b in d["boards"] if b in ("vim3", "av400")]

groups = {
    "eth": ["aml-ethernet", "dwmac", "realtek-8211f"],
    "uart-bt": ["aml-uart", "bt-transport-uart", "bt-hci-broadcom"],
    "wlan": ["aml-sdmmc", "brcmfmac", "wlanphy"],
    "gpu": ["aml-gpu", "msd-arm-mali"],
    "pwm": ["aml-pwm", "pwm-core", "aml-pwm-regulator"],
    "display-lcd": ["dsi-dw", "amlogic-display"],
    "gpio": ["aml-gpio", "gpio-core"],
    "gpio-expander": ["ti-tca6408a", "gpio-core"],
    "clock": ["amlogic-clk", "clock-core"],
    "i2c": ["aml-i2c", "i2c-core"],
    "emmc": ["aml-sdmmc"],
    "sd": ["aml-sdmmc"],
}


def board(name):
    hosts, grouped = [], set()
    for gid, members in groups.items():
        present = [m for m in members if name in boards_of.get(m, [])]
        if len(present) == len(members) or (gid == "pwm" and len(present) >= 2):
            hosts.append({"id": f"{name}/{gid}", "drivers": present})
            grouped.update(present)
    for d in drivers:
        if name in boards_of[d["id"]] and d["id"] not in grouped:
            hosts.append({"id": f"{name}/{d['id']}", "drivers": [d["id"]]})
    return {"id": name, "hosts": hosts}


devboard = {"id": "fdfkit-devboard", "hosts": [
    {"id": "fdfkit-devboard/gpio", "drivers": ["aml-gpio", "ti-tca6408a", "gpio-core"]},
    {"id": "fdfkit-devboard/emmc", "drivers": ["aml-sdmmc"]},
    {"id": "fdfkit-devboard/sdio", "drivers": ["aml-sdmmc", "brcmfmac", "wlanphy"]},
    {"id": "fdfkit-devboard/eth", "drivers": ["aml-ethernet", "dwmac", "realtek-8211f"]},
    {"id": "fdfkit-devboard/i2c", "drivers": ["aml-i2c", "i2c-core"]},
    {"id": "fdfkit-devboard/clock", "drivers": ["amlogic-clk", "clock-core"]},
    {"id": "fdfkit-devboard/registers", "drivers": ["registers"]},
    {"id": "fdfkit-devboard/uart", "drivers": ["aml-uart"]},
]}

mediabox = {"id": "fdfkit-mediabox", "hosts": [
    {"id": "fdfkit-mediabox/gpio", "drivers": ["aml-gpio", "gpio-core"]},
    {"id": "fdfkit-mediabox/i2c-a", "drivers": ["aml-i2c", "i2c-core"]},
    {"id": "fdfkit-mediabox/i2c-b", "drivers": ["aml-i2c", "i2c-core"]},
    {"id": "fdfkit-mediabox/display", "drivers": ["amlogic-display", "dsi-dw", "aml-hdmi"]},
    {"id": "fdfkit-mediabox/usb", "drivers": ["vim3-usb-phy", "dwc2", "xhci"]},
    {"id": "fdfkit-mediabox/emmc", "drivers": ["aml-sdmmc"]},
    {"id": "fdfkit-mediabox/sd", "drivers": ["aml-sdmmc"]},
    {"id": "fdfkit-mediabox/pwm", "drivers": ["aml-pwm", "pwm-core", "vim3-pwm-backlight"]},
]}

edges = []
for e in sample["edges"]:
    p = protocol_of(e["protocol"])
    ids = {d["id"] for d in drivers}
    if e["transport"] == "banjo" and p and e["parent"] in ids and e["child"] in ids:
        edges.append({"from": e["parent"], "to": e["child"], "protocol": p})

out = {
    "schema": "fdfkit-inventory/1",
    "about": "Derived by derive_from_sample.py; see its docstring for what is fact and what is chosen.",
    "protocols": [{"id": p["id"], "transport": transport(p), "clone_effort": 1} for p in sample["protocols"]],
    "drivers": drivers,
    "boards": [board("vim3"), board("av400"), devboard, mediabox],
    "edges": edges,
}
json.dump(out, sys.stdout, indent=2)
sys.stdout.write("\n")
