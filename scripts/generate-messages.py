#!/usr/bin/env python3
"""Regenerates src/main/java/cn/zjdata/portal/web/Messages.java from messages/msg_zh.properties.

Every key of the Chinese bundle becomes a method. Parameter lists already declared in Messages.java are kept
(so typed parameters such as `int total` survive); a new key gets one String parameter per `{name}` it uses
outside Qute sections. Run after adding keys: python3 scripts/generate-messages.py
"""
import re
from pathlib import Path

root = Path(__file__).resolve().parent.parent
props = root / "src/main/resources/messages/msg_zh.properties"
java = root / "src/main/java/cn/zjdata/portal/web/Messages.java"

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

header = java.read_text(encoding="utf-8").split("public interface Messages {")[0] if java.exists() else ""
body = "public interface Messages {\n" + "".join(
    f"\n    @Message\n    String {k}({p});\n" for k, p in keys) + "}\n"
java.write_text(header + body, encoding="utf-8")
print(f"{len(keys)} messages")
