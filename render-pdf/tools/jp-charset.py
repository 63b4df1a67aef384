#!/usr/bin/env python3
"""Prints the code points (U+XXXX, one a line) vendored in the Japanese font subset: JIS X 0208, ASCII, CJK punctuation, kana, full-width forms."""
import sys
cps=set()
for a in range(0xA1,0xF5):
  for b in range(0xA1,0xFF):
    try: s=bytes([a,b]).decode('euc_jp')
    except UnicodeDecodeError: continue
    cps.update(ord(c) for c in s)
for lo,hi in [(0x2000,0x206F),(0x3000,0x30FF),(0x31F0,0x31FF),(0xFF00,0xFFEF),(0x20,0x7E)]:
  cps.update(range(lo,hi+1))
for c in sorted(cps): print("U+%04X"%c)
