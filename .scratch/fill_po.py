"""Fill empty msgstr entries of the nl catalogue from a dict file (python literal)."""
import ast, re, sys
po = "src/regiekompas/web/locale/nl/LC_MESSAGES/django.po"
tr = ast.literal_eval(open(sys.argv[1]).read())
lines = open(po, encoding="utf-8").read().split("\n")
out = []
i = 0
def unq(s): return ast.literal_eval(s)
def q(s): return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
missing = []
while i < len(lines):
    line = lines[i]
    if line.startswith("msgid "):
        j = i; msgid = unq(line[6:]); block = [line]; j += 1
        while j < len(lines) and lines[j].startswith('"'):
            msgid += unq(lines[j]); block.append(lines[j]); j += 1
        plural = None
        if j < len(lines) and lines[j].startswith("msgid_plural "):
            plural = unq(lines[j][13:]); block.append(lines[j]); j += 1
            while j < len(lines) and lines[j].startswith('"'):
                plural += unq(lines[j]); block.append(lines[j]); j += 1
        # msgstr lines
        strs = []
        while j < len(lines) and lines[j].startswith("msgstr"):
            k = j; val_line = lines[j]; j += 1; cont = []
            while j < len(lines) and lines[j].startswith('"'):
                cont.append(lines[j]); j += 1
            strs.append((val_line, cont))
        empty = all(unq(v.split(" ", 1)[1]) == "" and not c for v, c in strs)
        k = len(out) - 1
        while k >= 0 and out[k].startswith("#|"):
            k -= 1
        fuzzy = k >= 0 and out[k].startswith("#,") and "fuzzy" in out[k]
        if fuzzy and msgid in tr:
            empty = True
            del out[k + 1:]
            flags = [f.strip() for f in out[k][2:].split(",") if f.strip() != "fuzzy"]
            if flags:
                out[k] = "#, " + ", ".join(flags)
            else:
                out.pop()
        # drop fuzzy flags when we fill
        if msgid and empty and msgid in tr:
            t = tr[msgid]
            out.extend(block)
            if plural is None:
                out.append("msgstr " + q(t))
            else:
                out.append("msgstr[0] " + q(t[0])); out.append("msgstr[1] " + q(t[1]))
        else:
            if msgid and (empty or fuzzy): missing.append(msgid)
            out.extend(block)
            for v, c in strs:
                out.append(v); out.extend(c)
        i = j
        continue
    out.append(line); i += 1
open(po, "w", encoding="utf-8").write("\n".join(out))
print("still empty:", len(missing))
for m in missing: print(repr(m))
