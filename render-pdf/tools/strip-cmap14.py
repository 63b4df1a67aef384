#!/usr/bin/env python3
"""Removes format 14 cmap subtables (variation sequences), which PDFBox ignores with a warning on every parse."""
import sys
from fontTools.ttLib import TTFont
for p in sys.argv[1:]:
    f = TTFont(p)
    f['cmap'].tables = [t for t in f['cmap'].tables if t.format != 14]
    f.save(p)
