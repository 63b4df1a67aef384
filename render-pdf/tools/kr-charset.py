#!/usr/bin/env python3
"""Prints the code points (U+XXXX, one a line) vendored in the Korean font subset: every Hangul syllable and Jamo, ASCII, CJK punctuation, full-width forms."""
cps=set()
for lo,hi in [(0xAC00,0xD7A3),(0x1100,0x11FF),(0x3130,0x318F),(0x2000,0x206F),(0x3000,0x303F),(0xFF00,0xFFEF),(0x20,0x7E)]:
  cps.update(range(lo,hi+1))
for c in sorted(cps): print("U+%04X"%c)
