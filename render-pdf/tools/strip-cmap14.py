import sys
from fontTools.ttLib import TTFont
for p in sys.argv[1:]:
    f = TTFont(p)
    f['cmap'].tables = [t for t in f['cmap'].tables if t.format != 14]
    f.save(p)
