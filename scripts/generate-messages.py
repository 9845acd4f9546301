#!/usr/bin/env python3
"""Regenerates the message bundle interfaces from their Chinese properties files:
web/Messages.java from messages/msg_zh.properties, staff/AdminMessages.java from messages/admin_zh.properties,
staff/StaffMessages.java from messages/staff_zh.properties.

Every key of a Chinese bundle becomes a method. Parameter lists already declared in the interface are kept
(so typed parameters such as `int total` survive); a new key gets one String parameter per `{name}` it uses
outside Qute sections. Run after adding keys: python3 scripts/generate-messages.py

Quarkus 3.30 fails at start-up (VerifyError) when one bundle has more than 300 messages, so this refuses to
write one that large: start a new bundle instead.
"""
import re
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
BUNDLES = [
    ("src/main/resources/messages/msg_zh.properties", "src/main/java/cn/zjdata/portal/web/Messages.java", "Messages"),
    ("src/main/resources/messages/admin_zh.properties", "src/main/java/cn/zjdata/portal/staff/AdminMessages.java", "AdminMessages"),
    ("src/main/resources/messages/staff_zh.properties", "src/main/java/cn/zjdata/portal/staff/StaffMessages.java", "StaffMessages"),
]
MAX_MESSAGES = 300


def generate(props, java, interface):
    existing = {}
    if java.exists():
        for m in re.finditer(r"String (\w+)\(([^)]*)\);", java.read_text(encoding="utf-8")):
            existing[m.group(1)] = m.group(2)

    keys = []
    for line in props.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        key = key.strip()
        if key in existing:
            params = existing[key]
        else:
            names = []
            for p in re.findall(r"\{([a-zA-Z_]\w*)[^}]*\}", value):
                if p not in names:
                    names.append(p)
            params = ", ".join("String " + n for n in names)
        keys.append((key, params))
    if len(keys) > MAX_MESSAGES:
        sys.exit(f"{props.name} has {len(keys)} messages; Quarkus cannot serve more than {MAX_MESSAGES} in one bundle")

    marker = f"public interface {interface} {{"
    header = java.read_text(encoding="utf-8").split(marker)[0] if java.exists() else ""
    body = marker + "\n" + "".join(f"\n    @Message\n    String {k}({p});\n" for k, p in keys) + "}\n"
    java.write_text(header + body, encoding="utf-8")
    print(f"{interface}: {len(keys)} messages")


for props, java, interface in BUNDLES:
    generate(root / props, root / java, interface)
