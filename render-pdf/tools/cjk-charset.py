#!/usr/bin/env python3
"""Prints the code points (U+XXXX, one a line) vendored in the CJK fallback font subset.

The set: every character of GB 2312 (simplified Chinese) and of JIS X 0208 (Japanese kana and
kanji), the CJK symbols and punctuation block, the half- and full-width forms, and the general
punctuation block. Python's own codecs define GB 2312 and JIS X 0208, so the set is reproducible.
"""
import sys

cps = set()

def add_codec(codec, lead, trail):
    for a in lead:
        for b in trail:
            try:
                s = bytes([a, b]).decode(codec)
            except UnicodeDecodeError:
                continue
            for ch in s:
                cps.add(ord(ch))

add_codec("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))   # GB 2312 (EUC-CN)
add_codec("euc_jp", range(0xA1, 0xF5), range(0xA1, 0xFF))   # JIS X 0208 (EUC-JP)
for lo, hi in [(0x2000, 0x206F), (0x3000, 0x30FF), (0x31F0, 0x31FF), (0xFF00, 0xFFEF)]:
    cps.update(range(lo, hi + 1))
for cp in sorted(cps):
    sys.stdout.write("U+%04X\n" % cp)
